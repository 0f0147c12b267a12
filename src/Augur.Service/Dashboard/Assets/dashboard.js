// The Augur dashboard (docs/service.md, "Dashboard"). The page holds no data: it asks for a bearer token (or
// takes one from the URL fragment #token=..., which browsers never send to a server), keeps it in this tab's
// sessionStorage, and polls the JSON API every second with it. Every string from the API is put in the page
// as text (textContent), never as markup. window.augurDashboard says what the page saw, for tests.
(function () {
  'use strict';
  var storageKey = 'augur.token';
  var pollMilliseconds = 1000;
  var palette = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e'];
  var status = { updates: 0, failures: 0, lastError: null, user: null, admin: null };
  window.augurDashboard = status;

  var token = null;
  var timer = null;
  var generation = 0;
  var utilizationPlot = null;
  var predictionPlot = null;

  function byId(id) { return document.getElementById(id); }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function seconds(value) {
    if (value === null || value === undefined || !isFinite(value)) { return '–'; }
    var s = Math.abs(value);
    var sign = value < 0 ? '-' : '';
    if (s < 60) { return sign + s.toFixed(s < 10 ? 1 : 0) + ' s'; }
    if (s < 3600) { return sign + Math.floor(s / 60) + ' min ' + Math.round(s % 60) + ' s'; }
    if (s < 86400) { return sign + Math.floor(s / 3600) + ' h ' + Math.round((s % 3600) / 60) + ' min'; }
    return sign + (s / 86400).toFixed(1) + ' d';
  }

  function clock(iso) { return iso ? new Date(iso).toLocaleTimeString() : '–'; }

  function setStatus(text, isError) {
    var node = byId('status');
    node.textContent = text;
    node.className = isError ? 'error' : '';
  }

  // --- the token -----------------------------------------------------------------------------------------------
  function tokenFromFragment() {
    var match = /^#token=([^&]*)/.exec(window.location.hash);
    if (!match) { return null; }
    // Out of the address bar and the history at once: the token must not linger where it can be copied.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    try { return decodeURIComponent(match[1]); } catch (e) { return match[1]; }
  }

  function open(newToken) {
    token = newToken;
    window.sessionStorage.setItem(storageKey, token);
    byId('token-form').hidden = true;
    byId('forget').hidden = false;
    byId('dashboard').hidden = false;
    generation++;
    poll(generation);
  }

  function close(message, isError) {
    token = null;
    generation++;
    if (timer !== null) { window.clearTimeout(timer); timer = null; }
    window.sessionStorage.removeItem(storageKey);
    byId('token-form').hidden = false;
    byId('forget').hidden = true;
    byId('dashboard').hidden = true;
    byId('who').textContent = '';
    setStatus(message, isError);
  }

  // --- the API -------------------------------------------------------------------------------------------------
  function ApiError(status, message) { this.status = status; this.message = message; }

  function api(path) {
    return window.fetch(path, { headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'application/json' }, cache: 'no-store', credentials: 'omit' })
      .then(function (response) {
        if (response.ok) { return response.json(); }
        return response.json().then(
          function (problem) { throw new ApiError(response.status, (problem && (problem.detail || problem.title)) || ('HTTP ' + response.status)); },
          function () { throw new ApiError(response.status, 'HTTP ' + response.status); });
      });
  }

  function selectedUser() { return status.admin ? byId('user-filter').value : ''; }

  function withUser(path) {
    var user = selectedUser();
    return user ? path + '&user=' + encodeURIComponent(user) : path;
  }

  function poll(mine) {
    var requests = [
      api('/v1/cluster'),
      api('/v1/users?limit=1000'),
      api(withUser('/v1/queue?limit=100')),
      api(withUser('/v1/jobs?state=running&limit=200')),
      api(withUser('/v1/finished?limit=200')),
      api('/v1/utilization?seconds=600')
    ];
    Promise.all(requests).then(function (answers) {
      if (mine !== generation) { return; }
      render(answers[0], answers[1], answers[2], answers[3], answers[4], answers[5]);
      status.updates++;
      status.lastError = null;
      setStatus('updated ' + new Date().toLocaleTimeString(), false);
      timer = window.setTimeout(function () { poll(mine); }, pollMilliseconds);
    }).catch(function (error) {
      if (mine !== generation) { return; }
      status.failures++;
      status.lastError = error && error.message ? error.message : String(error);
      if (error instanceof ApiError && error.status === 401) {
        close('The token was refused: ' + status.lastError, true);
        return;
      }
      setStatus('update failed: ' + status.lastError + ' (retrying)', true);
      timer = window.setTimeout(function () { poll(mine); }, pollMilliseconds * 2);
    });
  }

  // --- rendering -----------------------------------------------------------------------------------------------
  function fill(tableId, rows, columnCount, emptyText, cellsOf) {
    var body = byId(tableId).tBodies[0];
    var lines = [];
    if (rows.length === 0) {
      var line = element('tr', 'empty');
      var cell = element('td', null, emptyText);
      cell.colSpan = columnCount;
      line.appendChild(cell);
      lines.push(line);
    }
    rows.forEach(function (row) {
      var tr = element('tr');
      if (row.id !== undefined) { tr.dataset.jobId = String(row.id); }
      if (row.user !== undefined) { tr.dataset.user = row.user; }
      if (row.state !== undefined) { tr.dataset.state = row.state; }
      cellsOf(row).forEach(function (value) {
        var isText = typeof value === 'object' && value !== null;
        var td = element('td', isText ? value.className : null, isText ? value.text : value);
        if (isText && value.title) { td.title = value.title; }
        tr.appendChild(td);
      });
      lines.push(tr);
    });
    body.replaceChildren.apply(body, lines);
  }

  function text(value, className) { return { text: value, className: 'text' + (className ? ' ' + className : ''), title: value }; }

  function fact(label, value) {
    var box = element('div');
    box.appendChild(element('dt', null, label));
    box.appendChild(element('dd', null, value));
    return box;
  }

  function plannedOf(job) { return job.predicted_run_seconds !== null ? job.predicted_run_seconds : job.wall_time_seconds; }

  function render(cluster, users, queue, running, finished, utilization) {
    status.user = users.caller;
    status.admin = users.admin;
    byId('who').textContent = users.caller + (users.admin ? ' (admin)' : '');
    var now = Date.parse(cluster.now);

    var ran = finished.jobs.filter(function (job) { return job.run_seconds !== null && plannedOf(job) !== null; });
    var meanError = ran.length === 0 ? null : ran.reduce(function (sum, job) { return sum + Math.abs(plannedOf(job) - job.run_seconds); }, 0) / ran.length;
    var summary = byId('summary');
    summary.replaceChildren(
      fact('utilization', (100 * cluster.utilization).toFixed(0) + ' %'),
      fact('busy processors', cluster.busy_procs + ' of ' + cluster.total.procs),
      fact('running jobs', cluster.running_jobs),
      fact('waiting jobs', cluster.waiting_jobs),
      fact('policy', cluster.policy),
      fact('predictor', cluster.predictor || 'none (requests)'),
      fact('mean planning error', meanError === null ? '–' : seconds(meanError)));

    renderUsers(users);

    var scope = users.admin ? (selectedUser() ? 'the jobs of ' + selectedUser() : 'every user\'s jobs') : 'your jobs';
    byId('queue-note').textContent = queue.waiting + ' waiting in all; shown: ' + scope + ' (at most 100), in the order the policy scans them, with the start each gets if nothing changes (backfilling may start one earlier).';
    fill('queue', queue.jobs, 7, 'no waiting jobs', function (entry) {
      var start = entry.predicted_start === null ? 'unknown' : (Date.parse(entry.predicted_start) <= now ? 'now' : 'in ' + seconds((Date.parse(entry.predicted_start) - now) / 1000));
      return [entry.position, entry.id, text(entry.user), text(entry.name), entry.procs, seconds(entry.planned_run_seconds), start];
    });

    byId('running-note').textContent = running.jobs.length + ' shown: ' + scope + '.';
    fill('running', running.jobs, 8, 'no running jobs', function (job) {
      return [job.id, text(job.user), text(job.name, 'state-running'), job.resources.procs, clock(job.started_at), seconds((now - Date.parse(job.started_at)) / 1000), seconds(job.predicted_run_seconds), seconds(job.wall_time_seconds)];
    });

    byId('finished-note').textContent = 'The latest jobs to end since the service started (' + scope + '): the run time planned at the start (the prediction, else the requested wall time) against the run time.';
    fill('finished', finished.jobs, 8, 'no job has ended yet', function (job) {
      var planned = plannedOf(job);
      var error = planned !== null && job.run_seconds !== null ? planned - job.run_seconds : null;
      return [job.id, text(job.user), text(job.name), text(job.state, 'state-' + job.state), clock(job.ended_at), seconds(planned), seconds(job.run_seconds), seconds(error)];
    });

    drawUtilization(utilization);
    drawPredictions(ran);
  }

  function renderUsers(users) {
    var label = byId('user-filter-label');
    label.hidden = !users.admin;
    byId('users-note').textContent = users.admin
      ? users.total_users + ' users seen since the service started. Pick one to see only their jobs below.'
      : 'Your token shows your own jobs only.';
    if (users.admin) {
      var select = byId('user-filter');
      var chosen = select.value;
      var options = [element('option', null, 'every user')];
      options[0].value = '';
      users.users.forEach(function (load) {
        var option = element('option', null, load.user);
        option.value = load.user;
        options.push(option);
      });
      if (chosen && !users.users.some(function (load) { return load.user === chosen; })) {
        var kept = element('option', null, chosen);
        kept.value = chosen;
        options.push(kept);
      }
      var same = select.options.length === options.length && options.every(function (option, i) { return select.options[i].value === option.value; });
      if (!same) {
        select.replaceChildren.apply(select, options);
        select.value = chosen;
      }
    }
    fill('users', users.users, 6, 'no jobs since the service started', function (load) {
      return [text(load.user), load.queued_jobs, load.queued_procs, load.running_jobs, load.busy_procs, load.finished_jobs];
    });
  }

  function chartWidth(id) { return Math.max(300, byId(id).clientWidth || 800); }

  function drawUtilization(utilization) {
    var count = utilization.busy_procs.length;
    var start = utilization.start === null ? 0 : Date.parse(utilization.start) / 1000;
    var xs = new Array(count);
    for (var i = 0; i < count; i++) { xs[i] = start + i * utilization.resolution_seconds; }
    var data = [xs, utilization.busy_procs, utilization.running_jobs, utilization.waiting_jobs];
    if (utilization.busy_procs.length === 0) { return; }
    if (utilizationPlot === null) {
      var total = utilization.total_procs;
      utilizationPlot = new uPlot({
        width: chartWidth('utilization-chart'),
        height: 240,
        scales: { x: { time: true }, procs: { range: function () { return [0, total]; } }, jobs: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
        axes: [{}, { scale: 'procs', label: 'processors' }, { scale: 'jobs', side: 1, label: 'jobs', grid: { show: false } }],
        series: [
          {},
          { label: 'busy processors', scale: 'procs', stroke: palette[0], fill: 'rgba(31,119,180,0.15)', width: 2 },
          { label: 'running jobs', scale: 'jobs', stroke: palette[2], width: 1.5 },
          { label: 'waiting jobs', scale: 'jobs', stroke: palette[1], width: 1.5 }
        ]
      }, data, byId('utilization-chart'));
    } else {
      utilizationPlot.setData(data);
    }
  }

  function drawPredictions(ran) {
    if (ran.length === 0) { return; }
    var ordered = ran.slice().sort(function (a, b) { return Date.parse(a.ended_at) - Date.parse(b.ended_at); });
    var data = [
      ordered.map(function (job) { return Date.parse(job.ended_at) / 1000; }),
      ordered.map(function (job) { return job.run_seconds; }),
      ordered.map(plannedOf)
    ];
    if (predictionPlot === null) {
      var dots = function () { return null; };
      predictionPlot = new uPlot({
        width: chartWidth('prediction-chart'),
        height: 240,
        scales: { x: { time: true }, y: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
        axes: [{}, { label: 'run time (s)' }],
        series: [
          {},
          { label: 'actual run time', stroke: palette[0], paths: dots, points: { show: true, size: 7, fill: palette[0] } },
          { label: 'planned run time', stroke: palette[3], paths: dots, points: { show: true, size: 9, fill: 'rgba(255,127,14,0.35)' } }
        ]
      }, data, byId('prediction-chart'));
    } else {
      predictionPlot.setData(data);
    }
  }

  window.addEventListener('resize', function () {
    if (utilizationPlot) { utilizationPlot.setSize({ width: chartWidth('utilization-chart'), height: 240 }); }
    if (predictionPlot) { predictionPlot.setSize({ width: chartWidth('prediction-chart'), height: 240 }); }
  });

  byId('token-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var input = byId('token-input');
    var value = input.value.trim();
    input.value = '';
    if (value) { open(value); }
  });
  byId('forget').addEventListener('click', function () { close('token forgotten', false); });
  byId('user-filter').addEventListener('change', function () {
    if (token === null) { return; }
    if (timer !== null) { window.clearTimeout(timer); timer = null; }
    generation++;
    poll(generation);
  });

  var initial = tokenFromFragment() || window.sessionStorage.getItem(storageKey);
  if (initial) { open(initial); } else { setStatus('enter a token (augur token create --user NAME)', false); }
})();
