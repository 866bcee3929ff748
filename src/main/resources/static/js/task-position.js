// 核实/核查 result: the phone's position goes with the finding (optional). Delegated, so it works after htmx swaps.
document.addEventListener('click', function (event) {
  var button = event.target.closest('.task-locate');
  if (!button) { return; }
  var form = button.closest('form');
  var status = form.querySelector('.task-locate-status');
  if (!navigator.geolocation) { status.textContent = '此浏览器不能定位，可不带位置提交。'; return; }
  status.textContent = '正在定位……';
  navigator.geolocation.getCurrentPosition(function (p) {
    form.querySelector('[name=latitude]').value = p.coords.latitude.toFixed(6);
    form.querySelector('[name=longitude]').value = p.coords.longitude.toFixed(6);
    form.querySelector('[name=accuracy]').value = Math.round(p.coords.accuracy);
    status.textContent = '已定位：' + p.coords.latitude.toFixed(5) + ', ' + p.coords.longitude.toFixed(5)
      + '，误差约 ' + Math.round(p.coords.accuracy) + ' 米';
  }, function () {
    status.textContent = '无法获取位置，可不带位置提交。';
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
});
