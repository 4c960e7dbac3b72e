/*
 * The life-circle panel (#lifecircle-panel): how to use and leave the mode, the speed switch, the
 * legend of the shades, and the answer: the score and one checklist row per category of the
 * standards profile. It only draws; what a click does is lifecircle.js's business. Rendered from
 * scratch each time (it is small); names from the data go in as text.
 */
(function (Lilong) {
  'use strict';

  const { el, clear, classToken } = Lilong.dom;
  const i18n = Lilong.i18n;

  const STATUS_MARKS = { pass: '✓', fail: '✗', 'no-data': '?' };
  const BANDS = [5, 10, 15];

  function metres(value) {
    return i18n.formatNumber(Math.round(value));
  }

  function minutes(value) {
    return i18n.formatNumber(value, 1);
  }

  /** "240 m · 3.6 min walk": how far a facility is, for a row and a map tooltip. */
  function walkText(facility) {
    return i18n.t('lcWalk', { metres: metres(facility.walkMetres), minutes: minutes(facility.minutes) });
  }

  function header(view) {
    const state = view.state;
    const hasAnswer = state.status === 'done';
    return el('div', { className: 'lifecircle-header' },
      el('h2', { text: i18n.t('lcHeading') }),
      hasAnswer ? el('button', { className: 'lifecircle-collapse', text: state.collapsed ? '▸' : '▾',
        attrs: { type: 'button', 'aria-expanded': String(!state.collapsed), 'aria-controls': 'lifecircle-body',
          title: i18n.t(state.collapsed ? 'lcExpand' : 'lcCollapse'), 'aria-label': i18n.t(state.collapsed ? 'lcExpand' : 'lcCollapse') },
        on: { click: view.onToggleCollapsed } }) : null,
      el('button', { className: 'where-close lifecircle-close', text: '×',
        attrs: { type: 'button', title: i18n.t('lcLeaveLabel'), 'aria-label': i18n.t('lcLeaveLabel') },
        on: { click: view.onLeave } }));
  }

  function speedSwitch(view) {
    const speeds = (view.profile && view.profile.speeds) || [];
    if (speeds.length < 2) {
      return null;
    }
    return el('div', { className: 'speed-switch', attrs: { role: 'group', 'aria-label': i18n.t('lcSpeed') } },
      el('span', { className: 'speed-label muted', text: i18n.t('lcSpeed') }),
      speeds.map((speed) => el('button', {
        className: 'speed-option' + (speed.id === view.state.speedId ? ' selected' : ''),
        text: i18n.label(speed),
        dataset: { speed: speed.id },
        attrs: { type: 'button', 'aria-pressed': String(speed.id === view.state.speedId),
          title: i18n.t('lcSpeedValue', { speed: i18n.formatNumber(speed.metresPerSecond, 2) }) },
        on: { click: () => view.onSpeed(speed.id) }
      })));
  }

  /** The legend line: one swatch per shade, then the route. */
  function legend() {
    const shades = BANDS.map((band, rank) => {
      const swatch = el('span', { className: 'swatch swatch-fill', attrs: { 'aria-hidden': 'true' } });
      swatch.style.backgroundColor = Lilong.lifeCircleLayers.shadeOf(rank);
      swatch.style.opacity = '0.75';
      return el('li', { className: 'legend-entry', dataset: { minutes: band } }, swatch,
        el('span', { text: i18n.t('lcMinutes', { n: band }) }));
    });
    const route = el('span', { className: 'swatch swatch-line', attrs: { 'aria-hidden': 'true' } });
    route.style.borderTopColor = Lilong.lifeCircleLayers.ROUTE_COLOR;
    route.style.borderTopWidth = '4px';
    return el('ul', { className: 'lifecircle-legend', attrs: { 'aria-label': i18n.t('lcLegend') } },
      shades, el('li', { className: 'legend-entry' }, route, el('span', { text: i18n.t('lcLegendRoute') })));
  }

  function startLine(report) {
    const start = report.start || {};
    const where = start.area
      ? i18n.t('lcStartArea', { name: start.area.name })
      : i18n.t('lcStartPoint', { lon: Number(start.lon).toFixed(5), lat: Number(start.lat).toFixed(5) });
    const access = !start.area && typeof start.accessMetres === 'number' && start.accessMetres >= 1
      ? ' · ' + i18n.t('lcAccess', { metres: metres(start.accessMetres) }) : '';
    return el('p', { className: 'lifecircle-start-line muted', text: where + access });
  }

  function score(report) {
    return el('div', { className: 'lifecircle-score' },
      el('span', { className: 'score-value',
        text: typeof report.score === 'number' ? i18n.formatNumber(report.score, 1) : '–' }),
      el('span', { className: 'score-label', text: i18n.t('lcScore') }),
      el('span', { className: 'score-counts muted',
        text: i18n.t('lcCounts', { passed: report.passed, failed: report.failed, noData: report.noData }) }));
  }

  function nearestLine(category) {
    if (category.nearest) {
      return el('span', { className: 'checklist-nearest' },
        el('span', { className: 'nearest-name', text: category.nearest.name || i18n.t('untitled') }),
        el('span', { className: 'nearest-walk', text: ' · ' + walkText(category.nearest) }));
    }
    return el('span', { className: 'checklist-nearest muted',
      text: i18n.t(category.status === 'no-data' ? 'lcNoData' : 'lcNoneNear') });
  }

  function row(category, view) {
    const status = classToken(category.status);
    const selected = view.state.selectedCategory === category.id;
    const content = [
      el('span', { className: 'status-mark', text: STATUS_MARKS[category.status] || '?',
        attrs: { title: i18n.t('lcStatus.' + category.status), 'aria-label': i18n.t('lcStatus.' + category.status) } }),
      el('span', { className: 'checklist-text' },
        el('span', { className: 'checklist-category', text: i18n.pick(category.nameZh, category.nameEn) || category.id }),
        el('span', { className: 'checklist-level muted',
          text: i18n.t('lcLevel', { minutes: category.levelMinutes, metres: metres(category.maxWalkMetres) }) }),
        nearestLine(category),
        el('span', { className: 'checklist-counts muted', text: i18n.t('lcWithin',
          { a: category.within5, b: category.within10, c: category.within15 }) }))
    ];
    const body = category.nearest && category.nearest.route
      ? el('button', { className: 'checklist-button', attrs: { type: 'button', 'aria-pressed': String(selected),
        title: i18n.t('lcRouteTo', { name: category.nearest.name || '' }) },
      on: { click: () => view.onSelect(category.id) } }, content)
      : el('div', { className: 'checklist-button' }, content);
    return el('li', { className: 'checklist-row status-' + status + (selected ? ' selected' : ''),
      dataset: { category: category.id } }, body);
  }

  function answer(view) {
    const report = view.state.report;
    return [
      startLine(report),
      score(report),
      el('div', { className: 'lifecircle-body', attrs: { id: 'lifecircle-body', hidden: view.state.collapsed } },
        el('ol', { className: 'checklist' }, (report.categories || []).map((category) => row(category, view))),
        el('p', { className: 'muted lifecircle-row-hint', text: i18n.t('lcRowHint') }))
    ];
  }

  function problem(error) {
    if (error && error.status === 422) {
      return el('div', { className: 'lifecircle-error', attrs: { role: 'alert' } },
        el('p', { className: 'lifecircle-error-message', text: i18n.t('lcOffNetwork') }),
        error.detail ? el('p', { className: 'lifecircle-error-detail muted', text: error.detail }) : null);
    }
    return el('div', { className: 'lifecircle-error', attrs: { role: 'alert' } },
      el('p', { className: 'lifecircle-error-message', text: i18n.t('lcFailed') + (error ? error.message : '') }));
  }

  /**
   * view: {state: {status: idle|loading|done|error, speedId, report, error, selectedCategory, collapsed},
   *        profile, onSpeed(id), onSelect(categoryId), onClear(), onLeave(), onToggleCollapsed()}
   */
  function render(panel, view) {
    const state = view.state;
    clear(panel);
    panel.dataset.state = state.status;
    panel.dataset.speed = state.speedId || '';
    panel.appendChild(header(view));
    panel.appendChild(el('p', { className: 'muted lifecircle-hint', text: i18n.t('lcHint') }));
    panel.appendChild(el('p', { className: 'muted lifecircle-leave', text: i18n.t('lcLeave') }));
    const speeds = speedSwitch(view);
    if (speeds) {
      panel.appendChild(speeds);
    }
    panel.appendChild(legend());
    if (state.status === 'loading') {
      panel.appendChild(el('p', { className: 'lifecircle-loading', text: i18n.t('lcLoading') }));
    } else if (state.status === 'error') {
      panel.appendChild(problem(state.error));
    } else if (state.status === 'done') {
      answer(view).forEach((node) => panel.appendChild(node));
    }
    if (state.status === 'done' || state.status === 'error') {
      panel.appendChild(el('button', { className: 'lifecircle-clear', text: i18n.t('lcClear'),
        attrs: { type: 'button' }, on: { click: view.onClear } }));
    }
  }

  Lilong.checklist = { render, walkText };
})(window.Lilong);
