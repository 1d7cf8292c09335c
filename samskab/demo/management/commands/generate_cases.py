from django.core.management.base import BaseCommand, CommandError

from samskab.demo.synthetic import cases as synthetic


class Command(BaseCommand):
    help = (
        "Create N deterministic synthetic published cases (Danish, Norwegian, English; every "
        "municipality, topic and year; with comments and follows) for benchmarks, and index "
        "them for search. The same --seed gives the same cases; a second run adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, required=True, help="Number of cases.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument(
            "--no-index", action="store_true", help="Do not add the cases to the search index."
        )
        parser.add_argument(
            "--delete", action="store_true", help="Delete the cases of --seed instead."
        )

    def handle(self, *args, count, seed, batch_size, no_index, delete, **options):
        if delete:
            n = synthetic.delete_generated(seed)
            self.stdout.write(f"Deleted {n} generated cases of seed {seed}.")
            return
        if count < 0 or batch_size < 1:
            raise CommandError("--count must be 0 or more and --batch-size at least 1.")
        verbose = options["verbosity"] >= 1
        step = max(count // 10, batch_size)

        def progress(stage, done, total):
            if verbose and (done % step < batch_size or done == total):
                self.stderr.write(f"  {stage} {done}/{total}")

        try:
            result = synthetic.generate(
                count=count,
                seed=seed,
                batch_size=batch_size,
                index=not no_index,
                progress=progress,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rate = result.created / result.seconds if result.seconds else 0
        self.stdout.write(
            f"Generated {result.created} cases ({result.skipped} already there), "
            f"{result.comments} comments, {result.follows} follows in {result.seconds:.1f} s "
            f"({rate:.0f} cases/s)."
        )
        if result.indexed:
            self.stdout.write(
                f"Indexed {result.indexed} cases in {result.index_seconds:.1f} s "
                f"({result.indexed / result.index_seconds:.0f} cases/s)."
            )
