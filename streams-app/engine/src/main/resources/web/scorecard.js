// Casepulse scorecard: renders /api/scorecard and follows /api/stream to stay current.
// Plain JavaScript, no framework, nothing loaded from elsewhere. Text is always set with
// textContent, never parsed as HTML.
'use strict';

(function () {
  const PERIOD_NAMES = { MONTH: 'Month', YTD: 'YTD', R12M: 'R12M', SNAPSHOT: 'SS' };
  const RAG_TEXT = { RED: 'RED', AMBER: 'AMBER', GREEN: 'GREEN', NOT_RATED: 'Not rated' };
  const DOT = {
    IMPROVING: ['Improving', 'good'], WORSENING: ['Worsening', 'bad'], NO_CHANGE: ['No change', 'same'],
    UP: ['Up', 'neutral'], DOWN: ['Down', 'neutral'], NOT_COMPARABLE: ['Not comparable', 'none']
  };
  // Seed 002's trend words, graded with the catalogue's thresholds.
  const TREND = {
    MUCH_BETTER: ['much better', 'good'], A_BIT_BETTER: ['a bit better', 'good'], NO_CHANGE: ['no change', 'same'],
    A_BIT_WORSE: ['a bit worse', 'bad'], MUCH_WORSE: ['much worse', 'bad']
  };
  const HOTSPOTS_SHOWN = 3;
  const MIN_REFRESH_GAP_MS = 1000;
  const ANNOUNCE_GAP_MS = 15000;

  const areaSelect = document.getElementById('area');
  const periodSelect = document.getElementById('period');
  const rowsBody = document.getElementById('rows');
  const caption = document.getElementById('caption');
  const notice = document.getElementById('notice');
  const status = document.getElementById('status');
  const liveText = document.getElementById('live-text');
  const updated = document.getElementById('updated');
  const announcer = document.getElementById('announcer');

  let areasByCode = new Map();
  let current = null;            // the scorecard shown
  let watchedAreas = new Set();  // the area shown and its peers: changes to these refresh the page
  let watchedPeriods = new Set();
  let source = null;
  let loadSequence = 0;
  let lastLoad = 0;
  let refreshTimer = null;
  let pendingAnnouncements = [];
  let lastAnnouncement = 0;

  // ---- formatting -------------------------------------------------------------------------

  const numberFormats = new Map();

  function number(value, decimals) {
    if (!numberFormats.has(decimals)) {
      numberFormats.set(decimals,
        new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
    }
    return numberFormats.get(decimals).format(value);
  }

  function formatValue(value, unit, decimals) {
    if (value === null || value === undefined) return '–';
    switch (unit) {
      case 'PERCENT': return number(value, decimals) + '%';
      case 'PERCENT_CHANGE': return (value > 0 ? '+' : '') + number(value, decimals) + '%';
      default: return number(value, decimals);
    }
  }

  function unitSuffix(unit) {
    return unit === 'RATE_PER_10K' ? ' per 10k' : '';
  }

  const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const monthOnly = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
  const dayMonthYear = new Intl.DateTimeFormat('en-GB',
    { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function isoDate(text) { return new Date(text + 'T00:00:00Z'); }

  // The kind of period on one line, its span on the next: "YTD" / "Apr–Nov 2025".
  function periodCell(figure, periodType) {
    const cell = el('td', { class: 'period' }, el('span', { class: 'period-type' }, PERIOD_NAMES[periodType]));
    if (!figure) return cell;
    const start = isoDate(figure.periodStart);
    const end = isoDate(figure.periodEnd);
    let span;
    if (periodType === 'SNAPSHOT') {
      span = dayMonthYear.format(end);
    } else if (periodType === 'MONTH' || figure.periodStart.slice(0, 7) === figure.periodEnd.slice(0, 7)) {
      span = monthYear.format(end);
    } else {
      const sameYear = start.getUTCFullYear() === end.getUTCFullYear();
      span = (sameYear ? monthOnly.format(start) : monthYear.format(start)) + '–' + monthYear.format(end);
    }
    cell.append(el('span', { class: 'period-span' }, span));
    return cell;
  }

  function targetOf(indicator, figure) {
    if (figure && figure.target !== null) return figure.target;
    return indicator.target;
  }

  // ---- DOM helpers ------------------------------------------------------------------------

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    return node;
  }

  // ---- the table --------------------------------------------------------------------------

  function ragBadge(rag) {
    return el('span', { class: 'rag rag-' + rag }, RAG_TEXT[rag] || rag);
  }

  function directionCell(figure, indicator) {
    const direction = figure ? figure.directionOfTravel : 'NOT_COMPARABLE';
    const [label, judgement] = DOT[direction] || [direction, 'none'];
    let arrow = '–';
    if (figure && figure.value !== null && figure.previousValue !== null) {
      arrow = figure.value > figure.previousValue ? '▲' : figure.value < figure.previousValue ? '▼' : '▶';
    }
    const title = figure && figure.previousValue !== null
      ? 'Previous ' + formatValue(figure.previousValue, figure.unit, indicator.decimals) : null;
    const dot = el('span', { class: 'dot dot-' + judgement, title },
      el('span', { class: 'arrow', 'aria-hidden': 'true' }, arrow), ' ', label);
    const grade = figure && TREND[figure.trend];
    if (!grade) return dot;
    const both = document.createDocumentFragment();
    both.append(dot, el('span', { class: 'trend-grade dot-' + grade[1] }, grade[0]));
    return both;
  }

  /** What the catalogue and the benchmarks file put beside the figure: one line each, or a dash. */
  function besideCell(figure, indicator) {
    if (!figure) return '–';
    const format = (value) => formatValue(value, figure.unit, indicator.decimals);
    const lines = [];
    const line = (label, value, title) => {
      if (value !== null && value !== undefined) {
        lines.push(el('span', { class: 'beside-line', title }, label + ' ', el('span', { class: 'beside-value' }, format(value))));
      }
    };
    line('Last year', figure.lastYearValue, 'The same period a year earlier');
    line('Outturn', figure.outturnValue, 'The final figure of the previous financial year');
    line(indicator.comparisons && indicator.comparisons.sixMonths === 'AVERAGE' ? '6-month avg' : '6 months', figure.sixMonthsValue,
      'The six months before this one');
    const year = figure.benchmarkYear ? ' ' + figure.benchmarkYear : '';
    line('England' + year, figure.benchmarkEngland, 'England average');
    line('Region' + year, figure.benchmarkRegion, 'Regional average');
    line('Neighbours' + year, figure.benchmarkNeighbours, 'Statistical neighbours average');
    if (lines.length === 0) return el('span', { class: 'muted' }, '–');
    const cell = document.createDocumentFragment();
    lines.forEach((item) => cell.append(item));
    return cell;
  }

  function sparkline(row) {
    const points = row.trend.filter((point) => point.value !== null);
    if (points.length === 0) return el('span', { class: 'muted' }, 'no figures yet');
    const width = 132;
    const height = 34;
    const pad = 4;
    const target = targetOf(row.indicator, row.latest);
    const values = points.map((point) => point.value).concat(target === null ? [] : [target]);
    let low = Math.min(...values);
    let high = Math.max(...values);
    if (high - low < 1e-9) { low -= 1; high += 1; }
    const x = (i) => points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1);
    const y = (v) => height - pad - ((v - low) * (height - 2 * pad)) / (high - low);
    const decimals = row.indicator.decimals;
    const first = points[0];
    const last = points[points.length - 1];
    const description = 'Trend of ' + points.length + ' figures from ' + monthYear.format(isoDate(first.periodEnd))
      + ' to ' + monthYear.format(isoDate(last.periodEnd)) + ': '
      + formatValue(first.value, row.indicator.unit, decimals) + ' to '
      + formatValue(last.value, row.indicator.unit, decimals);
    const chart = svg('svg', {
      class: 'spark', width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': description
    });
    const title = svg('title', {});
    title.textContent = description;
    chart.append(title);
    if (target !== null) {
      chart.append(svg('line', { class: 'spark-target', x1: pad, x2: width - pad, y1: y(target), y2: y(target) }));
    }
    chart.append(svg('polyline', {
      class: 'spark-line', points: points.map((point, i) => x(i).toFixed(1) + ',' + y(point.value).toFixed(1)).join(' ')
    }));
    chart.append(svg('circle', {
      class: 'spark-end rag-fill-' + last.rag, cx: x(points.length - 1), cy: y(last.value), r: 3.5
    }));
    return chart;
  }

  function standing(entry, indicator) {
    return el('span', { class: 'standing', title: entry.areaName + (entry.smallNumbers ? ' (small numbers)' : '') },
      entry.areaCode + ' ', el('span', { class: 'standing-value' },
        '(' + formatValue(entry.value, indicator.unit, indicator.decimals) + ')'));
  }

  function hotspotsCell(row) {
    if (row.hotspots.length === 0) {
      return el('span', { class: 'muted' }, row.best ? 'None' : '–');
    }
    const list = el('span', { class: 'hotspots' });
    row.hotspots.slice(0, HOTSPOTS_SHOWN).forEach((entry, i) => {
      if (i > 0) list.append(', ');
      list.append(standing(entry, row.indicator));
    });
    const more = row.hotspots.length - HOTSPOTS_SHOWN;
    if (more > 0) {
      list.append(' ', el('span', {
        class: 'more', title: row.hotspots.slice(HOTSPOTS_SHOWN).map((entry) => entry.areaCode).join(', ')
      }, '+' + more + ' more'));
    }
    return list;
  }

  function valueCell(row) {
    const figure = row.latest;
    const indicator = row.indicator;
    const cell = el('td', { class: 'num value', 'data-value': figure && figure.value !== null ? figure.value : '' });
    if (!figure) {
      cell.append(el('span', { class: 'muted' }, 'awaiting figures'));
      return cell;
    }
    cell.append(el('span', { class: 'figure' }, formatValue(figure.value, figure.unit, indicator.decimals)),
      el('span', { class: 'unit' }, unitSuffix(figure.unit)));
    const flags = el('span', { class: 'flags' });
    if (figure.revision > 0) {
      flags.append(el('span', {
        class: 'badge restated',
        title: 'Restated ' + figure.revision + (figure.revision === 1 ? ' time' : ' times')
          + ' after its period ended: late, amended or retracted records changed it'
      }, 'restated r' + figure.revision));
    }
    if (figure.smallNumbers) {
      flags.append(el('span', {
        class: 'badge small',
        title: 'Small numbers: a denominator below ' + indicator.smallNumberThreshold
          + ', so one case swings this figure'
      }, 'small numbers'));
    }
    if (flags.childNodes.length > 0) cell.append(flags);
    // Under the figure rather than a column of their own: the table must fit without scrolling sideways.
    const beside = besideCell(figure, indicator);
    if (typeof beside !== 'string' && beside.nodeType !== 1) cell.append(el('span', { class: 'beside' }, beside));
    return cell;
  }

  function counts(figure) {
    if (!figure) return '–';
    if (figure.denominator === null || figure.unit === 'COUNT') return number(figure.numerator, 0);
    // Two pieces, so that a long pair can wrap at the slash.
    const pair = document.createDocumentFragment();
    pair.append(el('span', {}, number(figure.numerator, 0)), ' ',
      el('span', {}, '/ ' + number(figure.denominator, 0)));
    return pair;
  }

  function renderRow(row, changed) {
    const indicator = row.indicator;
    const figure = row.latest;
    const target = targetOf(indicator, figure);
    const tr = el('tr', { 'data-indicator': indicator.id, class: changed ? 'changed' : null },
      el('th', { scope: 'row', class: 'indicator' },
        // The seed report's own label (NI 62, KPI 1), as the reports print it beside the title.
        indicator.label ? el('span', { class: 'seed-label' }, indicator.label) : null,
        el('span', { class: 'title', title: indicator.description }, indicator.title)),
      el('td', { class: 'polarity' }, indicator.polarity === 'NONE' ? '–' : indicator.polarity),
      periodCell(figure, row.periodType),
      el('td', { class: 'num target' }, target === null ? '–' : formatValue(target, indicator.unit, indicator.decimals)),
      valueCell(row),
      el('td', { class: 'rag-cell' }, ragBadge(figure ? figure.rag : 'NOT_RATED')),
      el('td', { class: 'dot-cell' }, directionCell(figure, indicator)),
      // A long pair (a rate's population, FTE in hundredths) may wrap at the slash, so the table fits.
      el('td', { class: 'num counts wraps' }, counts(figure)),
      el('td', { class: 'trend' }, sparkline(row)),
      el('td', { class: 'best' }, row.best ? standing(row.best, indicator) : el('span', { class: 'muted' }, '–')),
      el('td', { class: 'hotspots-cell' }, hotspotsCell(row)));
    return tr;
  }

  function fingerprint(row) {
    const figure = row.latest;
    return figure ? [figure.periodEnd, figure.value, figure.numerator, figure.denominator, figure.rag,
      figure.revision, figure.trend, figure.lastYearValue, figure.outturnValue, figure.sixMonthsValue].join('|') : '';
  }

  function render(scorecard) {
    const before = new Map((current ? current.rows : []).map((row) => [row.indicator.id, row]));
    const sameView = current && current.area.code === scorecard.area.code
      && current.periodType === scorecard.periodType;
    const changes = [];
    const body = document.createDocumentFragment();
    let section = null;
    for (const row of scorecard.rows) {
      // Rows come grouped by section, as the county scorecard lays them out: a heading for each.
      if (row.indicator.section !== section) {
        section = row.indicator.section;
        body.append(el('tr', { class: 'section' },
          el('th', { scope: 'rowgroup', colspan: '11' }, section.charAt(0).toUpperCase() + section.slice(1))));
      }
      const old = before.get(row.indicator.id);
      const changed = sameView && old !== undefined && fingerprint(old) !== fingerprint(row);
      if (changed && row.latest) changes.push(row);
      body.append(renderRow(row, changed));
    }
    current = scorecard;
    rowsBody.replaceChildren(body);
    watchedAreas = new Set([scorecard.area.code, ...scorecard.peers]);
    watchedPeriods = new Set(scorecard.rows.map((row) => row.periodType));

    const periodText = scorecard.periodType ? periodSelect.selectedOptions[0].textContent : 'headline periods';
    const peerText = scorecard.peerLevel
      ? '; best performance and hotspots among its ' + scorecard.peers.length + ' '
        + scorecard.peerLevel.toLowerCase().replace('_', ' ') + 's'
      : '; no areas beneath it to compare';
    caption.textContent = scorecard.area.name + ', ' + periodText + ': ' + scorecard.rows.length + ' indicators'
      + peerText;
    notice.hidden = scorecard.view === 'caught up';
    notice.textContent = /^(failed|closed)/.test(scorecard.view)
      ? 'These figures are no longer kept up to date (' + scorecard.view + ').'
      : 'The figures are still loading (' + scorecard.view + ').';
    if (scorecard.updatedAt && updated.dataset.live !== 'true') {
      showUpdated(new Date(scorecard.updatedAt));
    }
    if (changes.length > 0) announce(changes);
  }

  function announce(rows) {
    for (const row of rows) {
      pendingAnnouncements.push(row.indicator.title + ' now '
        + formatValue(row.latest.value, row.latest.unit, row.indicator.decimals) + ', ' + RAG_TEXT[row.latest.rag]);
    }
    const wait = Math.max(0, ANNOUNCE_GAP_MS - (Date.now() - lastAnnouncement));
    setTimeout(flushAnnouncements, wait);
  }

  function flushAnnouncements() {
    if (pendingAnnouncements.length === 0) return;
    const shown = pendingAnnouncements.slice(0, 3);
    const more = pendingAnnouncements.length - shown.length;
    announcer.textContent = 'Updated: ' + shown.join('; ') + (more > 0 ? '; and ' + more + ' more' : '') + '.';
    pendingAnnouncements = [];
    lastAnnouncement = Date.now();
  }

  function showUpdated(date) {
    updated.textContent = clock.format(date);
    updated.setAttribute('datetime', date.toISOString());
  }

  // ---- data -------------------------------------------------------------------------------

  async function getJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.message || response.statusText);
    return body;
  }

  function selection() {
    const parameters = new URLSearchParams();
    if (areaSelect.value) parameters.set('area', areaSelect.value);
    if (periodSelect.value) parameters.set('periodType', periodSelect.value);
    return parameters;
  }

  async function load() {
    const sequence = ++loadSequence;
    lastLoad = Date.now();
    try {
      const scorecard = await getJson('api/scorecard?' + selection());
      if (sequence !== loadSequence) return;
      render(scorecard);
      const commentary = await getJson('api/commentary?area=' + encodeURIComponent(scorecard.area.code));
      if (sequence === loadSequence) showCommentary(commentary.commentary);
    } catch (error) {
      notice.hidden = false;
      notice.textContent = 'Cannot load the scorecard: ' + error.message;
    }
  }

  const KIND_NAMES = { ANALYSIS: 'Analysis', ACTIONS: 'Actions', GOOD_PRACTICE: 'Good practice',
    DATA_QUALITY: 'Data-quality note' };

  // Managers' commentary under each indicator, for the month of the figure shown. Text only:
  // textContent, so a comment that looks like markup is shown as typed.
  function showCommentary(entries) {
    rowsBody.querySelectorAll('tr.commentary').forEach((row) => row.remove());
    if (!current) return;
    for (const row of current.rows) {
      if (!row.latest) continue;
      const month = row.latest.periodEnd.slice(0, 7);
      const mine = entries.filter((entry) => entry.indicator === row.indicator.id && entry.month === month);
      if (mine.length === 0) continue;
      const cell = el('td', { colspan: '11' });
      for (const entry of mine) {
        cell.append(el('p', { class: 'comment', 'data-kind': entry.kind },
          el('strong', {}, KIND_NAMES[entry.kind] + ': '), entry.text,
          el('span', { class: 'byline' }, ' (' + entry.author + ')')));
      }
      const tr = rowsBody.querySelector('tr[data-indicator="' + CSS.escape(row.indicator.id) + '"]');
      if (tr) tr.after(el('tr', { class: 'commentary', 'data-for': row.indicator.id }, cell));
    }
  }

  function scheduleLoad() {
    if (refreshTimer !== null) return;
    const wait = Math.max(150, MIN_REFRESH_GAP_MS - (Date.now() - lastLoad));
    refreshTimer = setTimeout(() => { refreshTimer = null; load(); }, wait);
  }

  function setLive(state, text) {
    status.dataset.state = state;
    liveText.textContent = text;
  }

  function onChange(event) {
    const change = JSON.parse(event.data);
    if (!watchedAreas.has(change.areaCode) || !watchedPeriods.has(change.periodType)) return;
    updated.dataset.live = 'true';
    showUpdated(new Date());
    scheduleLoad();
  }

  function connect() {
    if (source) source.close();
    const parameters = new URLSearchParams();
    if (periodSelect.value) parameters.set('periodType', periodSelect.value);
    source = new EventSource('api/stream?' + parameters);
    source.addEventListener('snapshot', onChange);
    source.addEventListener('withdrawal', onChange);
    // Load again once connected: changes made before the stream opened are not streamed.
    source.onopen = () => { setLive('live', 'Live'); load(); };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setLive('offline', 'Offline, retrying');
        setTimeout(connect, 5000);
      } else {
        setLive('reconnecting', 'Reconnecting');
      }
    };
  }

  async function loadAreas() {
    const areas = await getJson('api/areas');
    areasByCode = new Map(areas.map((area) => [area.code, area]));
    const national = areas.find((area) => area.parent === null);
    const options = [el('option', { value: national.code }, national.name)];
    for (const code of national.children) {
      const region = areasByCode.get(code);
      const group = el('optgroup', { label: region.name });
      group.append(el('option', { value: region.code }, region.name + ' (all)'));
      for (const child of descendants(region)) {
        group.append(el('option', { value: child.code }, child.code + ' ' + child.name));
      }
      options.push(group);
    }
    areaSelect.replaceChildren(...options);
  }

  function descendants(area) {
    return area.children.flatMap((code) => {
      const child = areasByCode.get(code);
      return [child, ...descendants(child)];
    });
  }

  function restoreSelection() {
    const parameters = new URLSearchParams(window.location.search);
    const area = parameters.get('area');
    if (area && areasByCode.has(area)) areaSelect.value = area;
    const period = parameters.get('periodType');
    if (period && [...periodSelect.options].some((option) => option.value === period)) periodSelect.value = period;
  }

  function onSelectionChange(event) {
    // The address keeps the choice, so a wall screen can be pointed at it.
    history.replaceState(null, '', '?' + selection());
    current = null;
    updated.dataset.live = 'false';
    if (event.target === periodSelect) connect();
    load();
  }

  async function start() {
    try {
      await loadAreas();
    } catch (error) {
      notice.hidden = false;
      notice.textContent = 'Cannot load the areas: ' + error.message;
    }
    restoreSelection();
    areaSelect.addEventListener('change', onSelectionChange);
    periodSelect.addEventListener('change', onSelectionChange);
    document.getElementById('controls').addEventListener('submit', (event) => event.preventDefault());
    await load();
    connect();
  }

  start();
}());
