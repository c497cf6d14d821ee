// MARK: - HTMLDocument style sheet and script

extension HTMLDocument {
    /// The page's only style sheet, inline. System fonts only (no font files); a print section
    /// starts each top-level section on a new page and keeps figures and table rows whole.
    static let styleSheet = """
    :root { color-scheme: light; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif;
      color: #1a1a1a; background: #ffffff; margin: 0; }
    main { max-width: 1080px; margin: 0 auto; padding: 1.5rem; }
    h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 1rem; }
    h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; border-bottom: 2px solid #0072b2; padding-bottom: .2rem; }
    h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
    section.answer { background: #f3f8fc; border: 1px solid #9ecae1; border-radius: 6px; padding: .2rem 1.2rem 1rem; }
    section.answer h2 { border: 0; margin-top: 1rem; }
    .lead { font-size: 1.1rem; }
    .note { color: #444444; font-size: .9rem; }
    .warning { border-left: 4px solid #d55e00; padding-left: .6rem; }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: .4rem 0 1.2rem; font-size: .88rem; }
    caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; caption-side: top; }
    th, td { border-bottom: 1px solid #dddddd; padding: .22rem .55rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid #555555; background: #f7f7f7; }
    #ranked td, #ranked th { white-space: nowrap; }
    td small { color: #555555; }
    th.num { white-space: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer;
      color: inherit; text-align: inherit; }
    th button::after { content: " \\2195"; color: #888888; }
    th[aria-sort="ascending"] button::after { content: " \\25B2"; color: #1a1a1a; }
    th[aria-sort="descending"] button::after { content: " \\25BC"; color: #1a1a1a; }
    figure { margin: 1rem 0 1.5rem; }
    figure svg { max-width: 100%; height: auto; display: block; }
    figcaption { font-size: .85rem; color: #444444; margin-top: .3rem; max-width: 60rem; }
    .map path.hazard:hover, .map path.hazard:focus { stroke: #000000; stroke-width: 1.2; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    code { font-size: .85em; overflow-wrap: anywhere; }
    @page { size: A4; margin: 14mm; }
    @media print {
      body { font-size: 10.5pt; }
      table { font-size: 8pt; }
      main { max-width: none; padding: 0; }
      section { break-before: page; }
      section.answer, section section { break-before: auto; }
      h2, h3 { break-after: avoid; }
      figure, tr, dl.facts { break-inside: avoid; }
      thead { display: table-header-group; }
      th button::after { content: none; }
      .table-wrap { overflow: visible; }
    }
    """

    /// The page's only script, inline and optional: it turns the headers of `table.sortable` into
    /// sort buttons (numbers by their `data-sort` key, text by locale). Without script the tables
    /// keep the order they were written in, and nothing else depends on it.
    static let script = """
    (function () {
      "use strict";
      function key(cell) {
        var sort = cell.getAttribute("data-sort");
        if (sort !== null) { return sort === "" ? Infinity : parseFloat(sort); }
        return cell.textContent.trim().toLowerCase();
      }
      function sortBy(table, column, header) {
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) { cell.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column]), y = key(b.cells[column]);
          var order = (typeof x === "number" && typeof y === "number") ? (x === y ? 0 : (x < y ? -1 : 1)) : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
        Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, column) {
          var button = document.createElement("button");
          button.type = "button";
          button.textContent = header.textContent;
          button.title = "Sort by " + header.textContent;
          header.textContent = "";
          header.appendChild(button);
          button.addEventListener("click", function () { sortBy(table, column, header); });
        });
      });
    })();
    """
}
