internal import Crypto
internal import Foundation

/// The stylesheet, the small script and the Content-Security-Policy of the HTML report. The policy
/// allows exactly this style and this script (by their SHA-256) and nothing else: no fetch of any
/// kind, no other script, no form, no base URL.
enum HTMLAssets {
    static let style = """
        :root{--fail:#a4001d;--unknown:#8a4b00;--waived:#4b3fb8;--upcoming:#1d5f9c;--pass:#19692f;--na:#595959;\
        --line:#c8c8c8;--soft:#f3f3f3;color:#1a1a1a;background:#fff;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        body{margin:0 auto;max-width:72rem;padding:1rem 1.5rem}
        a{color:#0b4f8a}
        .skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.25rem}
        h1{font-size:1.7rem;margin:.2rem 0}h2{font-size:1.35rem;margin:.2rem 0 .5rem}h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
        h4{font-size:1rem;margin:0 0 .3rem}
        .report{display:flex;flex-direction:column;gap:1.5rem}
        .summary{order:-1}
        section.system,section.summary,section.unevaluated{border:1px solid var(--line);border-radius:6px;padding:1rem 1.2rem}
        table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem}
        th,td{border:1px solid var(--line);padding:.25rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
        thead th{background:var(--soft)}
        td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        caption{text-align:left;font-weight:600;padding:.2rem 0}
        code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em;overflow-wrap:anywhere}
        .badge{display:inline-flex;align-items:center;gap:.25rem;font-weight:700;text-transform:uppercase;\
        font-size:.8rem;letter-spacing:.03em;border:2px solid currentColor;border-radius:4px;padding:0 .35rem;white-space:nowrap}
        .badge svg{width:.8rem;height:.8rem}
        .s-fail{color:var(--fail)}.s-unknown{color:var(--unknown)}.s-waived{color:var(--waived)}
        .s-upcoming{color:var(--upcoming)}.s-pass{color:var(--pass)}.s-not_applicable{color:var(--na)}.s-error{color:var(--fail)}
        .finding{border-left:5px solid currentColor;padding:.4rem .8rem;margin:.6rem 0;background:var(--soft)}
        .finding>*{color:#1a1a1a}
        .finding h4 .badge{margin-right:.3rem}
        .meta{color:#444;font-size:.9rem}
        .chart{display:grid;grid-template-columns:minmax(12rem,1fr) minmax(16rem,2fr);gap:1rem;align-items:start}
        .chart>svg{width:100%;height:auto;max-height:14rem}
        .grid td.cell{text-align:center;white-space:nowrap}
        .timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--upcoming)}
        .timeline li{margin:.3rem 0;padding-left:.7rem}
        .timeline time{font-weight:700}
        .disclaimer{font-size:.9rem;border-top:1px solid var(--line);padding-top:.5rem}
        .filters{margin:.6rem 0}.filters label{margin-right:1rem}
        .hidden-by-filter{display:none}
        @media print{
        @page{size:A4;margin:14mm 12mm}
        :root{font-size:10.5pt}
        body{max-width:none;padding:0}
        .skip,.filters{display:none}
        section.system,section.summary,section.unevaluated{border:0;padding:0}
        section.system,section.unevaluated{break-before:page}
        .finding{break-inside:avoid;background:none;border-left-width:3px}
        tr,li,h3,h4{break-inside:avoid}h2,h3,h4{break-after:avoid}
        thead{display:table-header-group}
        a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}
        }
        """

    /// Filtering for readers with JavaScript on; the page is complete without it.
    static let script = """
        (function(){var f=document.getElementById("filters");if(!f)return;f.hidden=false;
        var q=document.getElementById("filter-text"),o=document.getElementById("filter-failing");
        function run(){var t=q.value.toLowerCase(),only=o.checked;
        document.querySelectorAll("[data-system]").forEach(function(e){
        var hit=(!t||e.getAttribute("data-system").toLowerCase().indexOf(t)>=0)&&(!only||e.getAttribute("data-gate")!=="pass");
        e.classList.toggle("hidden-by-filter",!hit);});}
        q.addEventListener("input",run);o.addEventListener("change",run);})();
        """

    /// `'sha256-…'` of a text, as CSP source expressions name inline content.
    static func hashSource(_ text: String) -> String {
        "'sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() + "'"
    }

    /// Nothing may be fetched; only this stylesheet and this script run.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src \(hashSource(style)); script-src \(hashSource(script)); img-src 'none'; "
        + "font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'"
}
