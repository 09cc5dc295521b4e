// Injected by scripts/test-report.sh into a copy of the page under test
// (never into the shipped page, which runs no script): finds every pair of
// text labels inside one chart whose boxes, as the browser laid them out,
// overlap by more than a pixel each way, and writes them into the DOM as
// <pre id="label-overlaps" data-count="N">, one line per pair, for
// scripts/check-report.py to read from Chromium's --dump-dom output.
(function () {
  var lines = [];
  var charts = document.querySelectorAll("svg.chart");
  for (var c = 0; c < charts.length; c++) {
    var texts = charts[c].querySelectorAll("text");
    var boxes = [];
    for (var i = 0; i < texts.length; i++) {
      var r = texts[i].getBoundingClientRect();
      if (r.width > 0 && r.height > 0) boxes.push({ r: r, text: texts[i].textContent.trim() });
    }
    for (var a = 0; a < boxes.length; a++) {
      for (var b = a + 1; b < boxes.length; b++) {
        var p = boxes[a].r, q = boxes[b].r;
        var w = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        var h = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (w > 1 && h > 1) {
          lines.push(charts[c].id + ": '" + boxes[a].text + "' and '" + boxes[b].text + "' overlap by "
                     + w.toFixed(1) + " x " + h.toFixed(1) + " px");
        }
      }
    }
  }
  var pre = document.createElement("pre");
  pre.id = "label-overlaps";
  pre.setAttribute("data-count", String(lines.length));
  pre.setAttribute("data-charts", String(charts.length));
  pre.textContent = lines.join("\n");
  document.body.appendChild(pre);
})();
