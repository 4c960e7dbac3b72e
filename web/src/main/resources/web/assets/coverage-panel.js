/*
 * The coverage panel (#coverage-panel): the category, threshold and grid-level choices, the totals,
 * the legend of the choropleth, the export links, a summary row per category, the site suggestion
 * and the "what if" comparison; and the popups of the coverage layers. It only draws; what a click
 * does is coverage.js's business. Rendered from scratch each time (focus stays on the control that
 * had it); every name from the data goes in as text.
 */
(function (Lilong) {
  'use strict';

  const { el, clear } = Lilong.dom;
  const i18n = Lilong.i18n;
  const layers = () => Lilong.coverageLayers;

  function number(value) {
    return typeof value === 'number' && Number.isFinite(value) ? i18n.formatNumber(value) : '–';
  }

  function metres(value) {
    return typeof value === 'number' && Number.isFinite(value) ? i18n.formatNumber(Math.round(value)) : '–';
  }

  /** A share in [0, 1] as "78.5%"; "–" without residents. */
  function percent(share) {
    return typeof share === 'number' && Number.isFinite(share) ? i18n.formatNumber(share * 100, 1) + '%' : '–';
  }

  function categoryName(category) {
    return category ? i18n.pick(category.nameZh, category.nameEn) || category.id : '';
  }

  function unitName(name) {
    return name === undefined || name === null || name === '' ? i18n.t('untitled') : String(name);
  }

  // ---- the parts --------------------------------------------------------------------------

  function header(view) {
    return el('div', { className: 'coverage-header' },
      el('h2', { text: i18n.t('cvHeading') }),
      el('button', { className: 'where-close coverage-close', text: '×',
        attrs: { type: 'button', title: i18n.t('cvLeaveLabel'), 'aria-label': i18n.t('cvLeaveLabel') },
        on: { click: view.onLeave } }));
  }

  function field(id, label, control) {
    return el('div', { className: 'coverage-field' }, el('label', { text: label, attrs: { for: id } }), control);
  }

  function categorySelect(view) {
    const categories = (view.state.profile && view.state.profile.categories) || [];
    const select = el('select', { attrs: { id: 'coverage-category' },
      on: { change: (event) => view.onCategory(event.target.value) } },
    categories.map((c) => el('option', { text: categoryName(c), attrs: { value: c.id } })));
    select.value = view.state.categoryId || '';
    return field('coverage-category', i18n.t('cvCategory'), select);
  }

  function levelSelect(view) {
    const known = (view.config && view.config.gridLevels) || [];
    const select = el('select', { attrs: { id: 'coverage-level' },
      on: { change: (event) => view.onLevel(event.target.value) } },
    view.levels.map((code) => {
      const level = known.find((l) => l.code === code);
      return el('option', { text: level ? i18n.label(level) : code, attrs: { value: code } });
    }));
    select.value = view.state.level;
    return field('coverage-level', i18n.t('cvLevel'), select);
  }

  function thresholdControls(view) {
    const state = view.state;
    const speeds = (state.profile && state.profile.speeds) || [];
    const minutes = el('input', { className: 'coverage-minutes',
      attrs: { id: 'coverage-minutes', type: 'number', min: '1', max: '60', step: '1', inputmode: 'numeric',
        placeholder: i18n.t('cvMinutesPlaceholder'), title: i18n.t('cvMinutesTitle') },
      on: { change: (event) => view.onMinutes(event.target.value) } });
    minutes.value = state.minutes;
    const speed = el('select', { attrs: { id: 'coverage-speed', 'aria-label': i18n.t('cvSpeed'), disabled: state.minutes === '' },
      on: { change: (event) => view.onSpeed(event.target.value) } },
    speeds.map((s) => el('option', { text: i18n.label(s), attrs: { value: s.id } })));
    speed.value = state.speedId || '';
    return el('div', { className: 'coverage-field coverage-threshold-controls' },
      el('label', { text: i18n.t('cvMinutes'), attrs: { for: 'coverage-minutes' } }), minutes, speed);
  }

  /** "Walking threshold: 300 m (the standard's maximum for the 5-minute level)". */
  function thresholdLine(view) {
    const coverage = view.state.coverage;
    if (!coverage) {
      return null;
    }
    const category = coverage.category || {};
    let why;
    if (view.state.minutes !== '') {
      const speed = ((view.state.profile && view.state.profile.speeds) || []).find((s) => s.id === view.state.speedId);
      why = i18n.t('cvThresholdMinutes', { minutes: view.state.minutes, speed: speed ? i18n.label(speed) : '' });
    } else {
      why = i18n.t('cvThresholdStandard', { minutes: category.levelMinutes });
    }
    return el('p', { className: 'coverage-threshold', dataset: { metres: coverage.thresholdMetres } },
      i18n.t('cvThreshold', { metres: metres(coverage.thresholdMetres) }), el('span', { className: 'muted', text: why }));
  }

  function totals(coverage) {
    return el('div', { className: 'coverage-totals', attrs: { id: 'coverage-totals' },
      dataset: { residents: coverage.residents, covered: coverage.covered, uncovered: coverage.uncovered,
        share: coverage.coveredShare === null || coverage.coveredShare === undefined ? '' : coverage.coveredShare } },
    el('div', { className: 'coverage-share' },
      el('span', { className: 'coverage-share-value', text: percent(coverage.coveredShare) }),
      el('span', { className: 'coverage-share-label', text: i18n.t('cvShare') })),
    el('dl', { className: 'coverage-counts' },
      el('dt', { text: i18n.t('cvCovered') }),
      el('dd', { className: 'coverage-covered', text: i18n.t('cvResidentsN', { n: number(coverage.covered) }) }),
      el('dt', { text: i18n.t('cvUncovered') }),
      el('dd', { className: 'coverage-uncovered', text: i18n.t('cvResidentsN', { n: number(coverage.uncovered) }) })),
    el('p', { className: 'coverage-facilities muted', text: i18n.t('cvFacilities', { n: number(coverage.facilities) })
      + (coverage.unassigned > 0 ? ' · ' + i18n.t('cvUnassigned', { n: number(coverage.unassigned) }) : '') }));
  }

  function swatch(fill, stroke, className) {
    const s = el('span', { className: 'swatch swatch-fill' + (className ? ' ' + className : ''), attrs: { 'aria-hidden': 'true' } });
    s.style.backgroundColor = fill;
    s.style.borderColor = stroke || fill;
    return s;
  }

  /** The five classes, the grids without residents, and what else the mode draws. */
  function legend() {
    const classes = [];
    for (let c = 0; c < layers().CLASS_COUNT; c++) {
      const [from, to] = layers().classBounds(c);
      classes.push(el('li', { className: 'legend-entry coverage-legend-class', dataset: { shareClass: c } },
        swatch(layers().classColour(c), '#4d4d4d'),
        el('span', { text: i18n.t('cvClass', { from: Math.round(from * 100), to: Math.round(to * 100) }) })));
    }
    return el('ul', { className: 'coverage-legend', attrs: { 'aria-label': i18n.t('cvLegend') } },
      classes,
      el('li', { className: 'legend-entry' }, swatch(layers().NO_RESIDENTS_COLOUR, '#4d4d4d'), el('span', { text: i18n.t('cvNoResidents') })),
      el('li', { className: 'legend-entry' }, swatch(layers().GAP_COLOUR), el('span', { text: i18n.t('cvGapLegend') })),
      el('li', { className: 'legend-entry' }, swatch(layers().NEWLY_COVERED_COLOUR, '#0d47a1'), el('span', { text: i18n.t('cvNewlyLegend') })),
      el('li', { className: 'legend-entry' }, swatch(layers().PROPOSAL_COLOUR), el('span', { text: i18n.t('cvProposalLegend') })));
  }

  /**
   * A link of the coverage answer as a download on this server, in the given format: a browser
   * following a link asks for HTML, so the format goes in the query.
   */
  function downloadLink(href, format) {
    if (!href) {
      return null;
    }
    const url = new URL(href, window.location.href);
    if (url.origin !== window.location.origin) {
      return null;
    }
    if (!url.searchParams.has('f')) {
      url.searchParams.set('f', format);
    }
    return url.pathname + url.search;
  }

  function exportLinks(view) {
    const links = (view.state.coverage && view.state.coverage.links) || {};
    const geojson = downloadLink(links.gaps, 'geojson');
    const csv = downloadLink(links.gapsCsv, 'csv');
    if (!geojson && !csv) {
      return null;
    }
    const base = 'coverage-gaps-' + Lilong.dom.classToken(view.state.categoryId || 'category');
    return el('p', { className: 'coverage-export' },
      el('span', { className: 'muted', text: i18n.t('cvExport') + ' ' }),
      geojson ? el('a', { text: 'GeoJSON', attrs: { id: 'coverage-export-geojson', href: geojson, download: base + '.geojson' } }) : null,
      geojson && csv ? ' · ' : null,
      csv ? el('a', { text: 'CSV', attrs: { id: 'coverage-export-csv', href: csv, download: base + '.csv' } }) : null);
  }

  function summary(view) {
    const rows = view.state.summary;
    if (!rows) {
      return null;
    }
    return el('div', { className: 'coverage-summary-block' },
      el('h3', { text: i18n.t('cvSummary') }),
      el('table', { className: 'coverage-summary' },
        el('thead', {}, el('tr', {},
          el('th', { text: i18n.t('cvCategory'), attrs: { scope: 'col' } }),
          el('th', { text: i18n.t('cvSummaryThreshold'), attrs: { scope: 'col' } }),
          el('th', { text: i18n.t('cvShare'), attrs: { scope: 'col' } }),
          el('th', { text: i18n.t('cvUncovered'), attrs: { scope: 'col' } }))),
        el('tbody', {}, rows.map((row) => summaryRow(row, view)))),
      el('p', { className: 'muted coverage-summary-hint', text: i18n.t('cvSummaryHint') }));
  }

  function summaryRow(row, view) {
    const category = row.category || {};
    const selected = category.id === view.state.categoryId;
    const shareClass = layers().shareClass(row.coveredShare);
    const mark = swatch(layers().classColour(shareClass), '#4d4d4d', 'coverage-summary-swatch');
    return el('tr', { className: 'coverage-summary-row' + (selected ? ' selected' : ''),
      dataset: { category: category.id, share: row.coveredShare === null || row.coveredShare === undefined ? '' : row.coveredShare },
      attrs: { 'aria-current': selected ? 'true' : null },
      on: { click: () => view.onCategory(category.id) } },
    el('th', { attrs: { scope: 'row' } },
      el('button', { className: 'coverage-summary-name', text: categoryName(category),
        attrs: { type: 'button', 'aria-pressed': String(selected) } })),
    el('td', { className: 'num', text: metres(row.thresholdMetres) }),
    el('td', { className: 'num coverage-summary-share' }, mark, percent(row.coveredShare)),
    el('td', { className: 'num', text: number(row.uncovered) }));
  }

  function problem(error, failedKey, className) {
    if (error && error.local) {
      return el('div', { className: 'coverage-error ' + className, attrs: { role: 'alert' } },
        el('p', { className: 'coverage-error-message', text: error.message }));
    }
    return el('div', { className: 'coverage-error ' + className, attrs: { role: 'alert' } },
      el('p', { className: 'coverage-error-message', text: i18n.t(failedKey) + (error ? error.title || error.message : '') }),
      error && error.detail ? el('p', { className: 'coverage-error-detail muted', text: error.detail }) : null);
  }

  // ---- where to build next ------------------------------------------------------------------

  /** "Site 1 · +320 residents", for the list and the marker's tooltip. */
  function siteText(site) {
    return i18n.t('cvSite', { rank: site.rank }) + ' · ' + i18n.t('cvGain', { n: number(site.gain) });
  }

  function suggestion(view) {
    const s = view.state.suggest;
    const k = el('input', { className: 'coverage-k', attrs: { id: 'coverage-k', type: 'number', min: '1', max: String(view.maxK),
      step: '1', inputmode: 'numeric' } });
    k.value = String(s.k);
    const candidates = el('select', { attrs: { id: 'coverage-candidates' } },
      el('option', { text: i18n.t('cvCandidatesStreets'), attrs: { value: '' } }),
      view.candidateLayers.map((layer) => el('option', { text: i18n.label(layer), attrs: { value: layer.id } })));
    candidates.value = s.candidates;
    const parts = [
      el('h3', { text: i18n.t('cvSuggest') }),
      el('div', { className: 'coverage-suggest-controls' },
        el('label', { text: i18n.t('cvK'), attrs: { for: 'coverage-k' } }), k,
        el('label', { className: 'visually-hidden', text: i18n.t('cvCandidates'), attrs: { for: 'coverage-candidates' } }), candidates,
        el('button', { className: 'coverage-button', text: i18n.t('cvSuggestButton'), attrs: { id: 'coverage-suggest', type: 'button' },
          on: { click: () => view.onSuggest(k.value, candidates.value) } }))
    ];
    if (s.status === 'loading') {
      parts.push(el('p', { className: 'coverage-loading', text: i18n.t('cvSuggestLoading') }));
    } else if (s.status === 'error') {
      parts.push(problem(s.error, 'cvSuggestFailed', 'coverage-suggest-error'));
    } else if (s.status === 'done' && s.result) {
      parts.push(suggestionResult(s.result, view));
    }
    return el('div', { className: 'coverage-suggest', dataset: { state: s.status } }, parts);
  }

  function suggestionResult(result, view) {
    const sites = result.sites || [];
    return el('div', { className: 'suggest-result' },
      el('ol', { className: 'suggested-sites' }, sites.map((site) => el('li', {
        className: 'suggested-site-row', dataset: { rank: site.rank, gain: site.gain } },
      el('span', { className: 'suggested-site-badge', text: site.rank }),
      el('span', { className: 'suggested-site-text' },
        el('span', { className: 'suggested-site-name', text: site.name ? String(site.name) : i18n.t('cvSiteStreetNode') }),
        el('span', { className: 'suggested-site-gain', text: i18n.t('cvGain', { n: number(site.gain) }) }),
        newlyCoveredNames(site.newlyCovered))))),
      el('p', { className: 'suggest-total', dataset: { totalGain: result.totalGain },
        text: i18n.t('cvSuggestTotal', { gain: number(result.totalGain), before: number(result.coveredBefore),
          after: number(result.coveredAfter) }) }),
      el('p', { className: 'muted suggest-guarantee',
        text: i18n.t('cvGuarantee') + ' ' + i18n.t('cvCandidatesConsidered', { n: number(result.candidatesConsidered) }) }),
      el('button', { className: 'coverage-link-button', text: i18n.t('cvClearSuggestion'), attrs: { type: 'button' },
        on: { click: view.onClearSuggestion } }));
  }

  /** The names of the units newly brought within reach, a few at most. */
  function newlyCoveredNames(units) {
    const list = units || [];
    if (list.length === 0) {
      return null;
    }
    const shown = list.slice(0, 5).map((u) => unitName(u.name)).join('、');
    return el('span', { className: 'newly-covered-names muted',
      text: i18n.t('cvNewlyCoveredList') + shown + (list.length > 5 ? i18n.t('cvAndMore', { n: list.length - 5 }) : '') });
  }

  // ---- what if ----------------------------------------------------------------------------

  function placingHint(w) {
    if (w.placing === 'facility') {
      return i18n.t('cvPlacingFacility');
    }
    if (w.placing === 'link') {
      return i18n.t(w.linkStart ? 'cvPlacingLinkEnd' : 'cvPlacingLinkStart');
    }
    return null;
  }

  function whatIf(view) {
    const w = view.state.whatIf;
    const empty = w.facilities.length === 0 && w.links.length === 0;
    const hint = placingHint(w);
    const parts = [
      el('h3', { text: i18n.t('cvWhatIf') }),
      el('p', { className: 'muted coverage-whatif-hint', text: i18n.t('cvWhatIfHint') }),
      el('div', { className: 'coverage-whatif-buttons' },
        el('button', { className: 'coverage-button' + (w.placing === 'facility' ? ' armed' : ''), text: i18n.t('cvAddFacility'),
          attrs: { id: 'coverage-add-facility', type: 'button', 'aria-pressed': String(w.placing === 'facility') },
          on: { click: () => view.onArm('facility') } }),
        el('button', { className: 'coverage-button' + (w.placing === 'link' ? ' armed' : ''), text: i18n.t('cvAddLink'),
          attrs: { id: 'coverage-add-link', type: 'button', 'aria-pressed': String(w.placing === 'link') },
          on: { click: () => view.onArm('link') } }),
        el('button', { className: 'coverage-button primary', text: i18n.t('cvCompare'),
          attrs: { id: 'coverage-compare', type: 'button', disabled: empty || view.state.status !== 'done' },
          on: { click: view.onCompare } }),
        el('button', { className: 'coverage-link-button', text: i18n.t('cvClearProposal'),
          attrs: { id: 'coverage-whatif-clear', type: 'button', disabled: empty && !w.placing },
          on: { click: view.onClearProposal } })),
      hint ? el('p', { className: 'coverage-placing-hint', attrs: { role: 'status' }, text: hint }) : null,
      empty ? null : el('p', { className: 'muted coverage-proposal-counts',
        text: i18n.t('cvProposalCounts', { facilities: w.facilities.length, links: w.links.length }) })
    ];
    if (w.status === 'loading') {
      parts.push(el('p', { className: 'coverage-loading', text: i18n.t('cvWhatIfLoading') }));
    } else if (w.status === 'error') {
      parts.push(w.error && w.error.status === 422
        ? el('div', { className: 'coverage-error coverage-whatif-error', attrs: { role: 'alert' } },
          el('p', { className: 'coverage-error-message', text: i18n.t('cvWhatIfRefused') }),
          w.error.detail ? el('p', { className: 'coverage-error-detail muted', text: w.error.detail }) : null)
        : problem(w.error, 'cvWhatIfFailed', 'coverage-whatif-error'));
    } else if (w.status === 'done' && w.result) {
      parts.push(whatIfResult(w.result));
    }
    return el('div', { className: 'coverage-whatif', dataset: { state: w.status, placing: w.placing || '' } }, parts);
  }

  function whatIfResult(result) {
    const before = result.before || {};
    const after = result.after || {};
    const row = (key, label, format) => el('tr', {},
      el('th', { text: label, attrs: { scope: 'row' } }),
      el('td', { className: 'num whatif-before-' + key, text: format(before[key === 'share' ? 'coveredShare' : key]) }),
      el('td', { className: 'num whatif-after-' + key, text: format(after[key === 'share' ? 'coveredShare' : key]) }));
    return el('div', { className: 'whatif-result', dataset: {
      beforeCovered: before.covered, afterCovered: after.covered,
      beforeShare: before.coveredShare, afterShare: after.coveredShare, gain: result.gain } },
    el('table', { className: 'whatif-table' },
      el('thead', {}, el('tr', {},
        el('td', {}),
        el('th', { text: i18n.t('cvBefore'), attrs: { scope: 'col' } }),
        el('th', { text: i18n.t('cvAfter'), attrs: { scope: 'col' } }))),
      el('tbody', {},
        row('covered', i18n.t('cvCovered'), number),
        row('uncovered', i18n.t('cvUncovered'), number),
        row('share', i18n.t('cvShare'), percent))),
    el('p', { className: 'whatif-gain', dataset: { gain: result.gain }, text: i18n.t('cvWhatIfGain', { n: number(result.gain) }) }),
    newlyCoveredNames(result.newlyCovered));
  }

  // ---- the whole panel ----------------------------------------------------------------------

  /**
   * view: {state (see coverage.js), config (map-config), levels: grid level codes, maxK, candidateLayers,
   *        onCategory(id), onLevel(code), onMinutes(text), onSpeed(id), onSuggest(k, candidates),
   *        onClearSuggestion(), onArm('facility'|'link'), onCompare(), onClearProposal(), onLeave()}
   */
  function render(panel, view) {
    const state = view.state;
    const focusedId = document.activeElement && panel.contains(document.activeElement) ? document.activeElement.id : null;
    clear(panel);
    panel.dataset.state = state.status;
    panel.dataset.category = state.categoryId || '';
    panel.dataset.level = state.level;
    panel.appendChild(header(view));
    if (!state.active) {
      return;
    }
    panel.appendChild(el('p', { className: 'muted coverage-hint', text: i18n.t('cvHint') }));
    if (state.profile) {
      panel.appendChild(el('div', { className: 'coverage-choices' }, categorySelect(view), thresholdControls(view), levelSelect(view)));
    }
    if (state.status === 'loading') {
      panel.appendChild(el('p', { className: 'coverage-loading', text: i18n.t('cvLoading') }));
    } else if (state.status === 'error') {
      panel.appendChild(problem(state.error, 'cvFailed', 'coverage-main-error'));
    }
    if (state.coverage && state.status === 'done') {
      panel.appendChild(thresholdLine(view));
      panel.appendChild(totals(state.coverage));
      panel.appendChild(legend());
      const links = exportLinks(view);
      if (links) {
        panel.appendChild(links);
      }
      panel.appendChild(suggestion(view));
      panel.appendChild(whatIf(view));
    }
    const table = summary(view);
    if (table) {
      panel.appendChild(table);
    }
    if (focusedId) {
      const again = document.getElementById(focusedId);
      if (again && again !== document.activeElement) {
        again.focus();
      }
    }
  }

  // ---- popups -------------------------------------------------------------------------------

  /** An uncovered unit: its name, residents and how far the nearest facility is on foot. */
  function gapPopup(feature, coverage) {
    const p = feature.properties || {};
    const threshold = coverage ? coverage.thresholdMetres : null;
    const walk = typeof p.walkMetres === 'number'
      ? i18n.t('cvWalk', { metres: metres(p.walkMetres) }) + (threshold ? ' · ' + i18n.t('cvBeyond', { metres: metres(threshold) }) : '')
      : i18n.t('cvNoneReachable');
    return el('div', { className: 'feature-popup coverage-gap-popup', dataset: { layer: p.layer || '', featureId: p.featureId } },
      el('h3', { className: 'popup-title coverage-gap-name', text: unitName(p.name) }),
      el('p', { className: 'popup-subtitle', text: i18n.t('cvGapLegend') }),
      el('table', { className: 'popup-attributes' }, el('tbody', {},
        el('tr', {}, el('th', { text: i18n.t('residents') }), el('td', { className: 'coverage-gap-residents', text: number(p.residents) })),
        el('tr', {}, el('th', { text: i18n.t('cvWalkLabel') }), el('td', { className: 'coverage-gap-walk', text: walk })))));
  }

  /** A grid of the choropleth: its name and how many of its residents are within reach. */
  function gridPopup(feature, row) {
    const p = feature.properties || {};
    return el('div', { className: 'feature-popup coverage-grid-popup', dataset: { featureId: feature.id } },
      el('h3', { className: 'popup-title', text: i18n.featureName(p) }),
      p.code ? el('p', { className: 'popup-subtitle', text: i18n.t('code') + ' ' + p.code }) : null,
      row
        ? el('table', { className: 'popup-attributes' }, el('tbody', {},
          el('tr', {}, el('th', { text: i18n.t('residents') }), el('td', { text: number(row.residents) })),
          el('tr', {}, el('th', { text: i18n.t('cvCovered') }), el('td', { text: number(row.covered) })),
          el('tr', {}, el('th', { text: i18n.t('cvShare') }), el('td', { text: percent(row.coveredShare) }))))
        : el('p', { className: 'muted', text: i18n.t('cvNoGridRow') }));
  }

  Lilong.coveragePanel = { render, gapPopup, gridPopup, siteText, percent };
})(window.Lilong);
