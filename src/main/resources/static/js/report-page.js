// The resident's reporting page. Everything here is an aid: without JavaScript the form still works
// (category from the list, typed address, no map).
(function () {
  'use strict';
  var form = document.getElementById('report-form');
  if (!form) { return; }
  var select = document.getElementById('categoryCode');
  var RECENT_KEY = 'chengguan.recentCategories';

  // Common categories as one-tap buttons, plus the ones this phone used before.
  var chips = document.querySelector('.common-categories');
  function markChip() {
    chips.querySelectorAll('.category-chip').forEach(function (chip) {
      var on = chip.dataset.code === select.value;
      chip.classList.toggle('active', on);
      chip.classList.toggle('btn-primary', on);
      chip.classList.toggle('btn-outline-primary', !on);
      chip.setAttribute('aria-pressed', on ? 'true' : 'false');
    });
  }
  function recentCodes() {
    try { return JSON.parse(localStorage.getItem(RECENT_KEY) || '[]'); } catch (e) { return []; }
  }
  if (chips) {
    recentCodes().forEach(function (code) {
      var option = select.querySelector('option[value="' + CSS.escape(code) + '"]');
      if (option && !chips.querySelector('[data-code="' + CSS.escape(code) + '"]')) {
        var chip = document.createElement('button');
        chip.type = 'button';
        chip.className = 'btn btn-outline-primary category-chip';
        chip.dataset.code = code;
        chip.textContent = '最近：' + option.textContent;
        chips.prepend(chip);
      }
    });
    chips.hidden = false;
    chips.addEventListener('click', function (event) {
      var chip = event.target.closest('.category-chip');
      if (!chip) { return; }
      select.value = chip.dataset.code;
      markChip();
    });
    select.addEventListener('change', markChip);
    markChip();
  }

  // Search: hides the options that do not match what was typed.
  var searchBox = document.getElementById('category-search-box');
  var search = document.getElementById('category-search');
  if (searchBox && search) {
    searchBox.hidden = false;
    search.addEventListener('input', function () {
      var term = search.value.trim();
      var firstMatch = null;
      select.querySelectorAll('optgroup').forEach(function (group) {
        var visible = 0;
        group.querySelectorAll('option').forEach(function (option) {
          var match = !term || option.textContent.indexOf(term) >= 0 || group.label.indexOf(term) >= 0;
          option.hidden = !match;
          option.disabled = !match;
          if (match) { visible++; if (!firstMatch) { firstMatch = option; } }
        });
        group.hidden = visible === 0;
      });
      if (term && firstMatch && (!select.value || select.selectedOptions[0].hidden)) {
        select.value = firstMatch.value;
        markChip();
      }
    });
  }

  // Photos: at most six, with small previews.
  var photos = document.getElementById('photos');
  var previews = document.getElementById('photo-previews');
  photos.addEventListener('change', function () {
    previews.innerHTML = '';
    if (photos.files.length > 6) {
      alert('最多上传 6 张照片，请重新选择。');
      photos.value = '';
      return;
    }
    Array.prototype.forEach.call(photos.files, function (file) {
      var img = document.createElement('img');
      img.className = 'photo-preview';
      img.alt = '已选照片 ' + file.name;
      img.src = URL.createObjectURL(file);
      previews.appendChild(img);
    });
  });

  // Position: the phone's location, or a tap on the map.
  var lat = document.getElementById('latitude');
  var lng = document.getElementById('longitude');
  var accuracy = document.getElementById('accuracy');
  var status = document.getElementById('position-status');
  var mapBox = document.getElementById('map');
  var map = null;
  var marker = null;
  function setPoint(latitude, longitude, meters, how) {
    lat.value = latitude.toFixed(6);
    lng.value = longitude.toFixed(6);
    accuracy.value = meters == null ? '' : Math.round(meters);
    status.textContent = '已选位置（' + how + '）：' + latitude.toFixed(5) + ', ' + longitude.toFixed(5)
      + (meters == null ? '' : '，误差约 ' + Math.round(meters) + ' 米');
    if (map) {
      if (marker) { marker.setLatLng([latitude, longitude]); } else { marker = L.marker([latitude, longitude]).addTo(map); }
      map.setView([latitude, longitude], Math.max(map.getZoom(), 17));
    }
  }
  if (window.L && mapBox) {
    mapBox.hidden = false;
    document.getElementById('map-help').hidden = false;
    map = L.map(mapBox).setView([parseFloat(mapBox.dataset.lat), parseFloat(mapBox.dataset.lng)], 16);
    L.tileLayer(mapBox.dataset.tiles, { maxZoom: 19, attribution: mapBox.dataset.attribution }).addTo(map);
    map.on('click', function (event) { setPoint(event.latlng.lat, event.latlng.lng, null, '地图选点'); });
    if (lat.value && lng.value) { setPoint(parseFloat(lat.value), parseFloat(lng.value), null, '已选'); }
  }
  var locate = document.getElementById('locate');
  if (navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener('click', function () {
      status.textContent = '正在获取位置……';
      navigator.geolocation.getCurrentPosition(function (position) {
        setPoint(position.coords.latitude, position.coords.longitude, position.coords.accuracy, '手机定位');
      }, function () {
        status.textContent = '无法获取位置，请在地图上点选，或填写详细地址。';
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  }

  // One tap, one report: the button is disabled while the form is on its way (the server also refuses repeats).
  form.addEventListener('submit', function () {
    try {
      var recent = recentCodes().filter(function (code) { return code !== select.value; });
      if (select.value) { recent.unshift(select.value); }
      localStorage.setItem(RECENT_KEY, JSON.stringify(recent.slice(0, 3)));
    } catch (e) { /* private browsing: no recent list */ }
    var button = document.getElementById('submit-report');
    button.disabled = true;
    button.textContent = '正在提交……';
  });

  // Draft: what the resident typed stays on the phone until the report is received (the status page clears it), so
  // nothing is lost when the server cannot take it (503 while the database is down, a dropped connection). The
  // idempotency key travels with it: sending the same draft twice still makes one report. Photos cannot be kept;
  // neither is the phone number, on a device that may be shared.
  var DRAFT_KEY = 'chengguan.reportDraft:' + location.pathname;
  var kept = ['categoryCode', 'description', 'address', 'idempotencyKey'];
  function saveDraft() {
    var draft = { savedAt: Date.now() };
    kept.forEach(function (name) { if (form.elements[name]) { draft[name] = form.elements[name].value; } });
    var kind = form.querySelector('input[name="kind"]:checked');
    if (kind) { draft.kind = kind.value; }
    try { localStorage.setItem(DRAFT_KEY, JSON.stringify(draft)); } catch (e) { /* private browsing: no draft */ }
  }
  function restoreDraft() {
    var draft;
    try { draft = JSON.parse(localStorage.getItem(DRAFT_KEY) || 'null'); } catch (e) { draft = null; }
    var description = form.elements.description;
    // a page the server filled in (an error to correct) shows what was sent; a draft older than a week is stale
    if (!draft || !draft.description || description.value || Date.now() - draft.savedAt > 7 * 24 * 3600 * 1000) {
      return;
    }
    kept.forEach(function (name) { if (form.elements[name] && draft[name]) { form.elements[name].value = draft[name]; } });
    if (draft.kind) {
      var radio = form.querySelector('input[name="kind"][value="' + CSS.escape(draft.kind) + '"]');
      if (radio) { radio.checked = true; }
    }
    if (chips) { markChip(); }
    var note = document.createElement('div');
    note.className = 'alert alert-info';
    note.id = 'draft-restored';
    note.setAttribute('role', 'status');
    note.textContent = '已恢复您上次没有提交成功的内容，请核对后提交（照片需要重新选择）。';
    form.parentNode.insertBefore(note, form);
  }
  restoreDraft();
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', saveDraft);
  form.addEventListener('submit', saveDraft);

  var error = document.getElementById('form-error');
  if (error) { error.focus(); }
})();
