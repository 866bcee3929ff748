// Staff pages: a small Leaflet map with one marker for every element carrying data-point-map.
document.addEventListener('DOMContentLoaded', function () {
  if (!window.L) { return; }
  document.querySelectorAll('[data-point-map]').forEach(function (box) {
    var at = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)];
    var map = L.map(box, { scrollWheelZoom: false }).setView(at, 17);
    L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
    L.marker(at).addTo(map);
  });
});
