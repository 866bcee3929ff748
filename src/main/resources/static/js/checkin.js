// Duty-log check-in: the phone's position and its accuracy go with the log; a far check-in is flagged by the server.
document.addEventListener('DOMContentLoaded', function () {
  var button = document.getElementById('checkin');
  if (!button || !navigator.geolocation) { return; }
  var status = document.getElementById('checkin-status');
  button.hidden = false;
  button.addEventListener('click', function () {
    status.textContent = '正在定位……';
    navigator.geolocation.getCurrentPosition(function (p) {
      document.getElementById('latitude').value = p.coords.latitude.toFixed(6);
      document.getElementById('longitude').value = p.coords.longitude.toFixed(6);
      document.getElementById('accuracy').value = Math.round(p.coords.accuracy);
      status.textContent = '已签到：' + p.coords.latitude.toFixed(5) + ', ' + p.coords.longitude.toFixed(5)
        + '，误差约 ' + Math.round(p.coords.accuracy) + ' 米';
    }, function () {
      status.textContent = '无法获取位置，可不签到直接保存。';
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });
});
