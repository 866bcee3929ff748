// Leaders' dashboard: ECharts trend and category charts from data attributes, and a heat map of cases per map
// cell (binned on the server) drawn as coloured rectangles, reloaded when the month range changes.
document.addEventListener('DOMContentLoaded', function () {
  function list(box, name) {
    var text = box.dataset[name];
    return text ? text.split('|') : [];
  }

  var trend = document.getElementById('trend-chart');
  if (trend && window.echarts) {
    var chart = echarts.init(trend);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: ['收件量', '办结率', '满意率'] },
      grid: { left: 40, right: 48, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: list(trend, 'months') },
      yAxis: [
        { type: 'value', name: '件', minInterval: 1 },
        { type: 'value', name: '%', min: 0, max: 100 }
      ],
      series: [
        { name: '收件量', type: 'bar', data: list(trend, 'received'), itemStyle: { color: '#9ec5fe' } },
        { name: '办结率', type: 'line', yAxisIndex: 1, data: list(trend, 'closure'), connectNulls: false,
          markLine: { symbol: 'none', label: { formatter: '目标 97%' }, data: [{ yAxis: 97 }] } },
        { name: '满意率', type: 'line', yAxisIndex: 1, data: list(trend, 'satisfaction'), connectNulls: false }
      ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }

  var categories = document.getElementById('category-chart');
  if (categories && window.echarts) {
    var bars = echarts.init(categories);
    var names = list(categories, 'names').reverse();
    var counts = list(categories, 'counts').reverse();
    bars.setOption({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 110, right: 20, bottom: 20, top: 10 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, axisLabel: { width: 100, overflow: 'truncate' } },
      series: [{ type: 'bar', data: counts, itemStyle: { color: '#0b5394' } }]
    });
    window.addEventListener('resize', function () { bars.resize(); });
  }

  var box = document.getElementById('heat-map');
  if (!box || !window.L) { return; }
  var map = L.map(box, { scrollWheelZoom: false })
    .setView([parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)], 13);
  L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  var layer = L.layerGroup().addTo(map);
  var form = document.getElementById('heat-filter');
  var total = document.getElementById('heat-total');

  function colour(share) {
    // yellow → orange → dark red as the cell's share of the busiest cell grows
    var stops = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
    return stops[Math.min(stops.length - 1, Math.floor(share * stops.length))];
  }

  function load() {
    var from = form.elements.from.value;
    var to = form.elements.to.value;
    if (from > to) { var swap = from; from = to; to = swap; }
    var url = box.dataset.url + (box.dataset.url.indexOf('?') < 0 ? '?' : '&')
      + 'from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to);
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (cells) {
        layer.clearLayers();
        var max = cells.reduce(function (m, c) { return Math.max(m, c.cases); }, 0);
        var sum = 0;
        var bounds = [];
        cells.forEach(function (c) {
          sum += c.cases;
          var rect = [[c.south, c.west], [c.north, c.east]];
          bounds.push(rect[0], rect[1]);
          L.rectangle(rect, { stroke: false, fillColor: colour(c.cases / max), fillOpacity: 0.65 })
            .bindTooltip(c.cases + ' 件')
            .addTo(layer);
        });
        total.textContent = '共 ' + sum + ' 件有位置的案件';
        if (bounds.length) { map.fitBounds(bounds, { maxZoom: 16, padding: [10, 10] }); }
      });
  }

  form.addEventListener('change', load);
  form.addEventListener('submit', function (event) { event.preventDefault(); load(); });
  load();
});
