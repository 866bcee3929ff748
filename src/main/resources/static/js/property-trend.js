// 物业监督: the score trend, drawn from the history table (the table stays the accessible form of the data).
document.addEventListener('DOMContentLoaded', function () {
  var box = document.getElementById('property-trend');
  if (!box || !window.echarts) { return; }
  var byCompound = {};
  document.querySelectorAll('#property-history tbody tr').forEach(function (row) {
    var name = row.dataset.compound;
    (byCompound[name] = byCompound[name] || []).push([row.dataset.date, Number(row.dataset.total)]);
  });
  var series = Object.keys(byCompound).map(function (name) {
    return {
      name: name, type: 'line', symbolSize: 8, label: { show: true, position: 'top' },
      data: byCompound[name].sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; })
    };
  });
  if (series.length) {
    // the 合格 (60) and 优秀 (90) lines of the grade bands
    series[0].markLine = { silent: true, symbol: 'none', lineStyle: { type: 'dashed' }, data: [{ yAxis: 60 }, { yAxis: 90 }] };
  }
  var chart = echarts.init(box);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 36, right: 32, top: 32, bottom: 28 },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
