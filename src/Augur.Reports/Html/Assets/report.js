// Draws an Augur report from the JSON data in the page with uPlot (docs/reports.md). Every chart's data were
// reduced in C# already; this script only lays them out. It records what it drew in window.augurReport, for
// the browser tests and for measuring render time.
(function () {
  'use strict';
  var palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  var data = JSON.parse(document.getElementById('augur-data').textContent);
  var root = document.getElementById('report');
  var status = { charts: data.charts.length, drawn: 0, empty: [], failed: [], plots: {}, palette: palette, renderMs: null, done: false };
  window.augurReport = status;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function colour(index) { return palette[((index % palette.length) + palette.length) % palette.length]; }

  function header() {
    root.textContent = '';
    root.appendChild(element('h1', null, data.title));
    if (data.subtitle) { root.appendChild(element('p', 'subtitle', data.subtitle)); }
    if (data.facts.length > 0) {
      var list = element('dl', 'facts');
      data.facts.forEach(function (fact) {
        list.appendChild(element('dt', null, fact[0]));
        list.appendChild(element('dd', null, fact[1]));
      });
      root.appendChild(list);
    }
  }

  function tables() {
    data.tables.forEach(function (table) {
      var section = element('section', 'table');
      section.appendChild(element('h2', null, table.title));
      var wrap = element('div', 'table-wrap');
      var html = element('table');
      var head = element('thead');
      var headRow = element('tr');
      table.columns.forEach(function (column) { headRow.appendChild(element('th', null, column)); });
      head.appendChild(headRow);
      html.appendChild(head);
      var body = element('tbody');
      table.rows.forEach(function (row) {
        var line = element('tr');
        row.forEach(function (cell) { line.appendChild(element('td', null, cell)); });
        body.appendChild(line);
      });
      html.appendChild(body);
      wrap.appendChild(html);
      section.appendChild(wrap);
      root.appendChild(section);
    });
  }

  // A scatter's many points are small and see-through so that density shows; a group's median (one point per
  // bar) is large and solid so that it shows on its bar.
  function seriesOptions(series, index, categorical) {
    var stroke = colour(index);
    var options = { label: series.label, stroke: stroke, width: 1.5, spanGaps: false };
    if (series.style === 'steps') {
      options.paths = uPlot.paths.stepped({ align: 1 });
    } else if (series.style === 'bars') {
      options.paths = uPlot.paths.bars({ size: [0.6, 64] });
      options.fill = stroke + '99';
      options.points = { show: false };
    } else if (series.style === 'points') {
      options.paths = function () { return null; };
      options.points = categorical
        ? { show: true, size: 9, stroke: stroke, fill: stroke, width: 1 }
        : { show: true, size: 4, stroke: stroke, fill: stroke + '88', width: 1 };
    } else {
      options.points = { show: false };
    }
    return options;
  }

  function scale(axis) {
    var options = { time: false };
    if (axis.log) { options.distr = 3; options.log = 10; }
    if (axis.range) { options.range = [axis.range[0], axis.range[1]]; }
    return options;
  }

  function drawRectangles(u, rectangles) {
    var context = u.ctx;
    context.save();
    context.beginPath();
    context.rect(u.bbox.left, u.bbox.top, u.bbox.width, u.bbox.height);
    context.clip();
    for (var i = 0; i < rectangles.left.length; i++) {
      var left = u.valToPos(rectangles.left[i], 'x', true);
      var right = u.valToPos(rectangles.right[i], 'x', true);
      var bottom = u.valToPos(rectangles.bottom[i], 'y', true);
      var top = u.valToPos(rectangles.top[i], 'y', true);
      context.fillStyle = colour(rectangles.group[i]);
      context.fillRect(left, top, Math.max(1, right - left), Math.max(1, bottom - top));
    }
    context.restore();
  }

  function options(chart, width) {
    var x = scale(chart.x);
    var xAxis = { label: chart.x.label, stroke: '#57606a' };
    var xSeries = { label: chart.x.label };
    var categories = chart.x.categories;
    if (categories) {
      x.range = [-0.5, categories.length - 0.5];
      xAxis.splits = function () { return categories.map(function (_, i) { return i; }); };
      xAxis.values = function (u, splits) { return splits.map(function (i) { return categories[i] === undefined ? '' : categories[i]; }); };
      xAxis.rotate = categories.length > 8 ? -40 : 0;
      xAxis.size = categories.length > 8 ? 80 : 40;
      xSeries.value = function (u, value) {
        if (value === null || categories[value] === undefined) { return '-'; }
        return categories[value] + (chart.x.details ? ' (' + chart.x.details[value] + ')' : '');
      };
    }
    var result = {
      width: width,
      height: 320,
      scales: { x: x, y: scale(chart.y) },
      axes: [xAxis, { label: chart.y.label, stroke: '#57606a', size: 64 }],
      series: [xSeries].concat(chart.series.map(function (series, index) { return seriesOptions(series, index, !!categories); })),
      legend: { live: true }
    };
    if (chart.rectangles) {
      result.hooks = { draw: [function (u) { drawRectangles(u, chart.rectangles); }] };
      result.legend = { show: false };
      result.cursor = { show: false };
    }
    return result;
  }

  function charts() {
    var width = Math.max(320, Math.min(960, root.clientWidth - 32));
    data.charts.forEach(function (chart) {
      var section = element('section', 'chart');
      section.id = 'chart-' + chart.id;
      section.appendChild(element('h2', null, chart.title));
      if (chart.note) { section.appendChild(element('p', 'note', chart.note)); }
      root.appendChild(section);
      if (!chart.hasData) {
        section.appendChild(element('p', 'empty', 'Nothing to draw: the run has no data for this chart.'));
        status.empty.push(chart.id);
        return;
      }
      var plot = element('div', 'plot');
      section.appendChild(plot);
      try {
        var columns = [chart.xValues].concat(chart.series.map(function (series) { return series.values; }));
        status.plots[chart.id] = new uPlot(options(chart, width), columns, plot);
        status.drawn++;
      } catch (error) {
        status.failed.push(chart.id);
        console.error('chart ' + chart.id + ' failed: ' + (error && error.stack ? error.stack : error));
      }
    });
  }

  header();
  tables();
  charts();
  // uPlot draws in a microtask queued by its constructor; this one is queued after them all, so it runs once
  // every chart is on its canvas, before the load event.
  queueMicrotask(function () {
    status.renderMs = Math.round(performance.now());
    status.done = true;
    document.body.setAttribute('data-render-ms', String(status.renderMs));
    document.body.setAttribute('data-charts-drawn', String(status.drawn));
  });
}());
