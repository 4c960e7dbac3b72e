/*
 * What the coverage mode draws on the map: the grids of one level coloured by the share of their
 * residents within reach (five classes), the uncovered residential units (the gaps), suggested sites
 * as numbered markers, the units a suggestion or a proposal would newly cover, and the proposal
 * itself. Drawing only; what is drawn is coverage.js's business. Names reach the map as text nodes.
 */
(function (Lilong) {
  'use strict';

  const { el } = Lilong.dom;

  /** Five classes of covered share, worst first: red where few are within reach, green where all are. */
  const CLASS_COLOURS = ['#d7191c', '#fdae61', '#ffffbf', '#a6d96a', '#1a9641'];
  const CLASS_COUNT = CLASS_COLOURS.length;
  /** A grid without residents has no share. */
  const NO_RESIDENTS_COLOUR = '#bdbdbd';
  const GRID_STROKE = '#4d4d4d';
  /** Light enough for the choropleth to show through: the gaps say where, the grid colour how bad. */
  const GAP = { color: '#67000d', weight: 1, opacity: 0.9, fillColor: '#67000d', fillOpacity: 0.3 };
  const NEWLY_COVERED = { color: '#0d47a1', weight: 1.5, opacity: 1, fillColor: '#42a5f5', fillOpacity: 0.5 };
  const PROPOSAL_COLOUR = '#6a1b9a';

  /** The class (0 … 4) of a covered share in [0, 1]; -1 when there is no share (no residents). */
  function shareClass(share) {
    if (typeof share !== 'number' || !Number.isFinite(share)) {
      return -1;
    }
    return Math.max(0, Math.min(CLASS_COUNT - 1, Math.floor(share * CLASS_COUNT)));
  }

  function classColour(shareClassIndex) {
    return shareClassIndex < 0 ? NO_RESIDENTS_COLOUR : CLASS_COLOURS[shareClassIndex];
  }

  /** [from, to) bounds of a class as shares: class 4 is [0.8, 1]. */
  function classBounds(shareClassIndex) {
    return [shareClassIndex / CLASS_COUNT, (shareClassIndex + 1) / CLASS_COUNT];
  }

  /** Sets attributes on a layer's SVG element each time Leaflet (re)creates it. */
  function decorate(layer, classes, attributes) {
    layer.on('add', () => {
      const element = layer.getElement && layer.getElement();
      if (!element) {
        return;
      }
      classes.forEach((c) => element.classList.add(c));
      Object.keys(attributes).forEach((name) => element.setAttribute(name, String(attributes[name])));
    });
  }

  /** The key a unit is known by in the gaps and in the lists of newly covered units. */
  function unitKey(layer, id) {
    return String(layer) + '/' + String(id);
  }

  /**
   * Returns a drawer bound to a map. coordsToLatLng([lon, lat]) places data coordinates on the map
   * (it differs from WGS84 only over a GCJ-02 basemap, see coords.js).
   */
  function create(map, coordsToLatLng) {
    const gridGroup = L.layerGroup().addTo(map);
    const gapGroup = L.layerGroup().addTo(map);
    const newlyGroup = L.layerGroup().addTo(map);
    const proposalGroup = L.layerGroup().addTo(map);
    const siteGroup = L.layerGroup().addTo(map);

    /**
     * grids: GeoJSON grid features of one level; coverageOf(feature) → the grid's row of the coverage
     * answer ({coveredShare, …}) or null; popup(feature, row) → a DOM node.
     */
    function drawChoropleth(grids, coverageOf, popup) {
      gridGroup.clearLayers();
      grids.forEach((feature) => {
        const row = coverageOf(feature);
        const share = row ? row.coveredShare : null;
        const shareClassIndex = shareClass(share);
        const colour = classColour(shareClassIndex);
        const layer = L.geoJSON(feature, {
          pane: 'lilong-coverage', coordsToLatLng: coordsToLatLng, bubblingMouseEvents: false,
          style: () => ({ color: GRID_STROKE, weight: 1, opacity: 0.8, fillColor: colour, fillOpacity: 0.55 }),
          onEachFeature: (f, path) => {
            decorate(path, ['coverage-grid', shareClassIndex < 0 ? 'coverage-class-none' : 'coverage-class-' + shareClassIndex], {
              'data-share': typeof share === 'number' ? String(share) : '',
              'data-feature-id': feature.id,
              'data-code': (feature.properties || {}).code || ''
            });
            path.bindPopup(() => popup(feature, row), { maxWidth: 300, minWidth: 180 });
          }
        });
        layer.addTo(gridGroup);
      });
    }

    /** gaps: the uncovered units' GeoJSON features; popup(feature) → a DOM node. */
    function drawGaps(gaps, popup) {
      gapGroup.clearLayers();
      gaps.forEach((feature) => {
        const p = feature.properties || {};
        L.geoJSON(feature, {
          pane: 'lilong-gaps', coordsToLatLng: coordsToLatLng, bubblingMouseEvents: false, style: () => GAP,
          onEachFeature: (f, path) => {
            decorate(path, ['coverage-gap'], { 'data-layer': p.layer || '', 'data-feature-id': p.featureId });
            path.bindPopup(() => popup(feature), { maxWidth: 300, minWidth: 180 });
          }
        }).addTo(gapGroup);
      });
    }

    /**
     * Outlines the units newly brought within reach. units: [{layer, id}]; gapsByKey: the gap features
     * by unitKey (a unit newly covered was a gap before, so its outline is there).
     */
    function drawNewlyCovered(units, gapsByKey, source) {
      newlyGroup.clearLayers();
      units.forEach((unit) => {
        const feature = gapsByKey.get(unitKey(unit.layer, unit.id));
        if (!feature) {
          return;
        }
        L.geoJSON(feature, {
          pane: 'lilong-highlight', coordsToLatLng: coordsToLatLng, interactive: false, style: () => NEWLY_COVERED,
          onEachFeature: (f, path) => decorate(path, ['newly-covered', 'newly-covered-' + source],
            { 'data-layer': unit.layer, 'data-feature-id': unit.id })
        }).addTo(newlyGroup);
      });
    }

    /** sites: [{rank, lon, lat, gain, name}]; describe(site) → tooltip text. */
    function drawSites(sites, describe) {
      siteGroup.clearLayers();
      sites.forEach((site) => {
        // Leaflet takes the icon's content as an element: the rank goes in as text.
        const icon = L.divIcon({ className: 'suggested-site', iconSize: [26, 26],
          html: el('span', { className: 'suggested-site-rank', text: site.rank }) });
        const marker = L.marker(coordsToLatLng([site.lon, site.lat]), { icon: icon, keyboard: false, bubblingMouseEvents: false });
        marker.on('add', () => {
          const element = marker.getElement();
          if (element) {
            element.setAttribute('data-rank', String(site.rank));
            element.setAttribute('data-gain', String(site.gain));
          }
        });
        marker.bindTooltip(() => el('span', { className: 'feature-tooltip', text: describe(site) }),
          { direction: 'top', offset: [0, -12] });
        marker.addTo(siteGroup);
      });
    }

    /**
     * proposal: {facilities: [{lon, lat}], links: [[{lon, lat}, {lon, lat}]], linkStart: {lon, lat} or null}
     * (linkStart: the first click of a link still waiting for its second).
     */
    function drawProposal(proposal) {
      proposalGroup.clearLayers();
      proposal.links.forEach((link, index) => {
        const line = L.polyline(link.map((p) => coordsToLatLng([p.lon, p.lat])), {
          pane: 'lilong-highlight', interactive: false, color: PROPOSAL_COLOUR, weight: 5, opacity: 0.9, dashArray: '8 6'
        });
        decorate(line, ['proposal', 'proposal-link'], { 'data-index': index });
        line.addTo(proposalGroup);
      });
      const ends = proposal.linkStart ? [proposal.linkStart] : [];
      ends.forEach((p) => {
        const end = L.circleMarker(coordsToLatLng([p.lon, p.lat]), { pane: 'lilong-highlight', interactive: false,
          radius: 5, color: PROPOSAL_COLOUR, weight: 2, fillColor: '#ffffff', fillOpacity: 1 });
        decorate(end, ['proposal', 'proposal-link-start'], {});
        end.addTo(proposalGroup);
      });
      proposal.facilities.forEach((p, index) => {
        const dot = L.circleMarker(coordsToLatLng([p.lon, p.lat]), { pane: 'lilong-highlight', interactive: false,
          radius: 8, color: '#ffffff', weight: 2.5, fillColor: PROPOSAL_COLOUR, fillOpacity: 1 });
        decorate(dot, ['proposal', 'proposal-facility'], { 'data-index': index });
        dot.addTo(proposalGroup);
      });
    }

    function clearSuggestion() {
      siteGroup.clearLayers();
      newlyGroup.clearLayers();
    }

    function clearAll() {
      [gridGroup, gapGroup, newlyGroup, proposalGroup, siteGroup].forEach((group) => group.clearLayers());
    }

    function clearNewlyCovered() {
      newlyGroup.clearLayers();
    }

    return { drawChoropleth, drawGaps, drawNewlyCovered, drawSites, drawProposal, clearSuggestion, clearNewlyCovered,
      clear: clearAll };
  }

  Lilong.coverageLayers = { create, shareClass, classColour, classBounds, unitKey, CLASS_COUNT,
    NO_RESIDENTS_COLOUR, GAP_COLOUR: GAP.fillColor, NEWLY_COVERED_COLOUR: NEWLY_COVERED.fillColor,
    PROPOSAL_COLOUR };
})(window.Lilong);
