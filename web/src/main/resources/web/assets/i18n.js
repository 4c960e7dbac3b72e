/*
 * Interface strings in Chinese (the default: the page's users are Shanghai street offices and
 * residents) and English, the current language, and the rules for picking a label or a feature
 * name in it. Labels that come from the server (layer titles, levels, stages, categories,
 * attribute names) are not repeated here: map-config carries them in both languages.
 */
(function (Lilong) {
  'use strict';

  const STRINGS = {
    zh: {
      syntheticNotice: '示例数据（虚构）',
      syntheticTitle: '地图上的网格、人员、电话和站点均为虚构，仅供演示。',
      linkCollections: '数据集合',
      linkApi: '接口文档',
      linkCollectionsLong: '数据集合（OGC API – Features）',
      linkApiLong: '接口文档（OpenAPI）',
      linkConformance: '标准符合性',
      langToggle: 'EN',
      langToggleLabel: 'Switch to English',
      panelToggle: '图层',
      panelLabel: '图层与查询',
      mapLabel: '地图',
      layersHeading: '图层',
      thematicLayers: '专题图层',
      baseLayers: '基础图层',
      basemapLabel: '底图',
      basemapNone: '无底图（离线）',
      gridLevelsLabel: '显示的网格层级',
      legendHeading: '图例',
      legendEmpty: '没有打开的图层。',
      aboutHeading: '关于数据',
      loading: '加载中…',
      layerFailed: '加载失败',
      featureCount: '{n} 个',
      configFailed: '无法加载地图配置：',
      whereHeading: '此处是哪里？',
      whereHint: '点击地图上任意位置，查看所在的网格、网格长和居民区。',
      whereLoading: '正在查询…',
      whereFailed: '查询失败：',
      whereOutside: '该位置不在本区范围内。',
      whereGrids: '所属网格（由上到下）',
      whereNoGrid: '此处没有网格。',
      whereResidentialArea: '居民区',
      whereSubdistrict: '街道',
      whereCoordinates: '经度 {lon}，纬度 {lat}',
      leader: '网格长',
      residents: '常住人口',
      code: '编码',
      close: '关闭',
      untitled: '（未命名）',
      yes: '是',
      no: '否',
      otherCategory: '其他',
      'streetClass.main': '主干道',
      'streetClass.street': '支路',
      'streetClass.lane': '弄堂',
      'streetClass.path': '小路',
      bridge: '桥梁',
      residentialAreas: '居民区',
      water: '河道水面',
      subdistrictBoundary: '街道边界',
      pocketPark: '口袋公园',
      lcToggle: '生活圈',
      lcToggleTitle: '15 分钟生活圈：点击地图，查看步行可达范围和设施清单',
      lcHeading: '15 分钟生活圈',
      lcHint: '点击地图上任意一点，查看步行 5、10、15 分钟可达的范围和设施清单；也可在居民区弹窗中点“生活圈”，从整个居民区出发。',
      lcLeave: '再点一次地图左上角的“生活圈”按钮或本栏的 ×，即退出生活圈模式，点击地图重新查询所在网格。',
      lcLeaveLabel: '退出生活圈模式',
      lcSpeed: '步行速度',
      lcSpeedValue: '每秒 {speed} 米',
      lcLegend: '图例',
      lcMinutes: '步行 {n} 分钟',
      lcLegendRoute: '到最近设施的路线',
      lcLoading: '正在计算步行范围和设施清单…',
      lcOffNetwork: '此处离可步行的街道太远，无法计算生活圈。请点击街道附近的位置。',
      lcFailed: '计算失败：',
      lcStartPoint: '起点：经度 {lon}，纬度 {lat}',
      lcStartArea: '起点：{name}（从居民区四周的街道出发）',
      lcAccess: '离最近街道 {metres} 米',
      lcScore: '分（达标率）',
      lcCounts: '达标 {passed} 项 · 未达标 {failed} 项 · 无数据 {noData} 项',
      'lcStatus.pass': '达标',
      'lcStatus.fail': '未达标',
      'lcStatus.no-data': '无数据',
      lcLevel: '{minutes} 分钟级 · 不超过 {metres} 米',
      lcWalk: '{metres} 米 · 步行 {minutes} 分钟',
      lcNoData: '数据中没有此类设施',
      lcNoneNear: '步行可及范围内没有此类设施',
      lcWithin: '5 / 10 / 15 分钟内：{a} / {b} / {c} 处',
      lcRowHint: '点击一行，在地图上显示到最近设施的步行路线。',
      lcRouteTo: '显示到“{name}”的步行路线',
      lcClear: '清除结果',
      lcCollapse: '收起清单',
      lcExpand: '展开清单',
      lcAreaButton: '生活圈',
      lcAreaButtonTitle: '以此居民区为起点，计算 15 分钟生活圈',
      cvToggle: '覆盖缺口',
      cvToggleTitle: '覆盖缺口：哪些居民超出标准步行距离，新设施建在哪里最有效',
      cvLeaveLabel: '退出覆盖缺口模式',
      cvHeading: '覆盖缺口',
      cvHint: '选择设施类别：网格按覆盖率着色，深红色为步行距离超出标准的居住单元。',
      cvCategory: '设施类别',
      cvLevel: '网格层级',
      cvMinutes: '按分钟',
      cvMinutesPlaceholder: '标准',
      cvMinutesTitle: '留空则用标准的最大步行距离；填写分钟数则按所选步速换算成米',
      cvSpeed: '步行速度',
      cvThreshold: '步行阈值：{metres} 米',
      cvThresholdStandard: '（标准中 {minutes} 分钟级设施的最大步行距离）',
      cvThresholdMinutes: '（{speed}步行 {minutes} 分钟）',
      cvLoading: '正在计算覆盖情况…',
      cvFailed: '计算失败：',
      cvShare: '覆盖率',
      cvCovered: '已覆盖',
      cvUncovered: '未覆盖',
      cvResidentsN: '{n} 人',
      cvFacilities: '现有设施 {n} 处',
      cvUnassigned: '另有 {n} 人不在任何网格内',
      cvLegend: '图例',
      cvClass: '覆盖率 {from}–{to}%',
      cvNoResidents: '无居民',
      cvGapLegend: '未覆盖的居住单元',
      cvNewlyLegend: '新增覆盖',
      cvProposalLegend: '假设方案',
      cvExport: '导出缺口',
      cvSummary: '各类设施覆盖率',
      cvSummaryThreshold: '阈值（米）',
      cvSummaryHint: '点击一行切换设施类别。',
      cvSuggest: '选址建议',
      cvK: '新设施数',
      cvCandidates: '候选位置',
      cvCandidatesStreets: '街道节点',
      cvSuggestButton: '建议选址',
      cvSuggestLoading: '正在寻找覆盖最多居民的位置…',
      cvSuggestFailed: '选址失败：',
      cvKRange: '新设施数须在 1 到 {max} 之间。',
      cvSite: '第 {rank} 处',
      cvSiteStreetNode: '街道节点',
      cvGain: '新增覆盖 {n} 人',
      cvSuggestTotal: '合计新增覆盖 {gain} 人：{before} → {after} 人',
      cvGuarantee: '逐个贪心选址：覆盖人数至少为最优方案的 63%（1 − 1/e）。',
      cvCandidatesConsidered: '共比较 {n} 个候选位置。',
      cvClearSuggestion: '清除建议',
      cvNewlyCoveredList: '新覆盖：',
      cvAndMore: ' 等（另有 {n} 处）',
      cvWhatIf: '假设方案',
      cvWhatIfHint: '添加设施或步行连接（如小区增开大门、跨河人行桥），比较前后的覆盖情况。不会保存任何数据。',
      cvAddFacility: '添加设施',
      cvAddLink: '添加连接',
      cvPlacingFacility: '点击地图放置新设施。',
      cvPlacingLinkStart: '点击地图选择连接的起点。',
      cvPlacingLinkEnd: '再点击一次选择连接的终点。',
      cvProposalCounts: '方案：{facilities} 处设施，{links} 条连接',
      cvCompare: '比较',
      cvClearProposal: '清除方案',
      cvWhatIfLoading: '正在比较…',
      cvWhatIfFailed: '比较失败：',
      cvWhatIfRefused: '方案无法计算：某个点离可步行的街道太远，或连接无效。',
      cvBefore: '现状',
      cvAfter: '方案后',
      cvWhatIfGain: '新增覆盖 {n} 人',
      cvWalkLabel: '步行距离',
      cvWalk: '到最近设施 {metres} 米',
      cvBeyond: '超出阈值 {metres} 米',
      cvNoneReachable: '步行可及范围内没有此类设施',
      cvNoGridRow: '没有此网格的覆盖数据。'
    },
    en: {
      syntheticNotice: 'Demo data (synthetic)',
      syntheticTitle: 'The grids, people, phone numbers and stations on this map are made up for demonstration.',
      linkCollections: 'Collections',
      linkApi: 'API',
      linkCollectionsLong: 'Collections (OGC API – Features)',
      linkApiLong: 'API documentation (OpenAPI)',
      linkConformance: 'Conformance',
      langToggle: '中文',
      langToggleLabel: '切换到中文',
      panelToggle: 'Layers',
      panelLabel: 'Layers and place information',
      mapLabel: 'Map',
      layersHeading: 'Layers',
      thematicLayers: 'Thematic layers',
      baseLayers: 'Base layers',
      basemapLabel: 'Basemap',
      basemapNone: 'No basemap (offline)',
      gridLevelsLabel: 'Grid levels shown',
      legendHeading: 'Legend',
      legendEmpty: 'No layer is switched on.',
      aboutHeading: 'About the data',
      loading: 'Loading…',
      layerFailed: 'failed to load',
      featureCount: '{n}',
      configFailed: 'Could not load the map configuration: ',
      whereHeading: 'Where is this?',
      whereHint: 'Click anywhere on the map to see its grid, grid leader and residential area.',
      whereLoading: 'Looking up…',
      whereFailed: 'Lookup failed: ',
      whereOutside: 'This place is outside the district.',
      whereGrids: 'Grids (top level first)',
      whereNoGrid: 'No grid here.',
      whereResidentialArea: 'Residential area',
      whereSubdistrict: 'Sub-district',
      whereCoordinates: 'Longitude {lon}, latitude {lat}',
      leader: 'Grid leader',
      residents: 'Residents',
      code: 'Code',
      close: 'Close',
      untitled: '(unnamed)',
      yes: 'Yes',
      no: 'No',
      otherCategory: 'Other',
      'streetClass.main': 'Main road',
      'streetClass.street': 'Street',
      'streetClass.lane': 'Lane',
      'streetClass.path': 'Path',
      bridge: 'Bridge',
      residentialAreas: 'Residential area',
      water: 'Creek or canal',
      subdistrictBoundary: 'Sub-district boundary',
      pocketPark: 'Pocket park',
      lcToggle: 'Life circle',
      lcToggleTitle: '15-minute life circle: click the map to see what is within walking reach',
      lcHeading: '15-minute life circle',
      lcHint: 'Click any point on the map to see what lies within a 5, 10 and 15-minute walk and the facility checklist; or press "Life circle" in a residential area\'s popup to walk from the whole area.',
      lcLeave: 'Press the "Life circle" button at the top left of the map again, or × here, to leave: a click then shows the grid again.',
      lcLeaveLabel: 'Leave the life circle',
      lcSpeed: 'Walking speed',
      lcSpeedValue: '{speed} m/s',
      lcLegend: 'Legend',
      lcMinutes: '{n}-minute walk',
      lcLegendRoute: 'route to the nearest facility',
      lcLoading: 'Working out the walk and the checklist…',
      lcOffNetwork: 'This point is too far from any walkable street for a life circle. Click near a street.',
      lcFailed: 'Could not work out the life circle: ',
      lcStartPoint: 'From longitude {lon}, latitude {lat}',
      lcStartArea: 'From {name} (walking from the streets around the area)',
      lcAccess: '{metres} m to the nearest street',
      lcScore: 'score (share of standards met)',
      lcCounts: '{passed} met · {failed} not met · {noData} without data',
      'lcStatus.pass': 'met',
      'lcStatus.fail': 'not met',
      'lcStatus.no-data': 'no data',
      lcLevel: '{minutes}-minute level · at most {metres} m',
      lcWalk: '{metres} m · {minutes} min walk',
      lcNoData: 'No facility of this kind in the data',
      lcNoneNear: 'None within walking reach',
      lcWithin: 'Within 5 / 10 / 15 min: {a} / {b} / {c}',
      lcRowHint: 'Click a row to see the walk to the nearest facility on the map.',
      lcRouteTo: 'Show the walk to "{name}"',
      lcClear: 'Clear',
      lcCollapse: 'Collapse the checklist',
      lcExpand: 'Expand the checklist',
      lcAreaButton: 'Life circle',
      lcAreaButtonTitle: 'Work out the 15-minute life circle of this residential area',
      cvToggle: 'Coverage',
      cvToggleTitle: 'Coverage gaps: who lives beyond the standard walk, and where new facilities would help most',
      cvLeaveLabel: 'Leave the coverage view',
      cvHeading: 'Coverage gaps',
      cvHint: 'Choose a kind of facility: grids are coloured by the share of residents within reach; dark red marks homes beyond the standard walk.',
      cvCategory: 'Facility',
      cvLevel: 'Grid level',
      cvMinutes: 'Minutes',
      cvMinutesPlaceholder: 'standard',
      cvMinutesTitle: 'Leave empty for the standard\'s maximum walk; minutes are turned into metres at the chosen speed',
      cvSpeed: 'Walking speed',
      cvThreshold: 'Walking threshold: {metres} m',
      cvThresholdStandard: ' (the standard\'s maximum for a {minutes}-minute facility)',
      cvThresholdMinutes: ' ({minutes}-minute walk, {speed})',
      cvLoading: 'Working out the coverage…',
      cvFailed: 'Could not work out the coverage: ',
      cvShare: 'Share covered',
      cvCovered: 'Covered',
      cvUncovered: 'Not covered',
      cvResidentsN: '{n} residents',
      cvFacilities: '{n} facilities today',
      cvUnassigned: '{n} residents lie outside every grid',
      cvLegend: 'Legend',
      cvClass: '{from}–{to}% covered',
      cvNoResidents: 'No residents',
      cvGapLegend: 'Uncovered homes',
      cvNewlyLegend: 'Newly covered',
      cvProposalLegend: 'Proposal',
      cvExport: 'Export the gaps',
      cvSummary: 'All facilities',
      cvSummaryThreshold: 'Threshold (m)',
      cvSummaryHint: 'Click a row to switch to that facility.',
      cvSuggest: 'Where to build next',
      cvK: 'New sites',
      cvCandidates: 'Candidates',
      cvCandidatesStreets: 'Street nodes',
      cvSuggestButton: 'Suggest',
      cvSuggestLoading: 'Looking for the sites that reach the most residents…',
      cvSuggestFailed: 'Could not suggest sites: ',
      cvKRange: 'Choose between 1 and {max} new sites.',
      cvSite: 'Site {rank}',
      cvSiteStreetNode: 'Street node',
      cvGain: '+{n} residents',
      cvSuggestTotal: 'In all +{gain} residents: {before} → {after}',
      cvGuarantee: 'Chosen one at a time (greedy): at least 63% (1 − 1/e) of what the best choice would cover.',
      cvCandidatesConsidered: '{n} candidates compared.',
      cvClearSuggestion: 'Clear the sites',
      cvNewlyCoveredList: 'Newly covered: ',
      cvAndMore: ' and {n} more',
      cvWhatIf: 'What if',
      cvWhatIfHint: 'Add facilities or walking links (a new gate in a compound wall, a footbridge over the creek) and compare coverage before and after. Nothing is saved.',
      cvAddFacility: 'Add a facility',
      cvAddLink: 'Add a link',
      cvPlacingFacility: 'Click the map where the new facility goes.',
      cvPlacingLinkStart: 'Click the map where the link starts.',
      cvPlacingLinkEnd: 'Click again where the link ends.',
      cvProposalCounts: 'Proposal: {facilities} facilities, {links} links',
      cvCompare: 'Compare',
      cvClearProposal: 'Clear the proposal',
      cvWhatIfLoading: 'Comparing…',
      cvWhatIfFailed: 'Could not compare: ',
      cvWhatIfRefused: 'The proposal cannot be worked out: a point is too far from any walkable street, or a link is invalid.',
      cvBefore: 'Before',
      cvAfter: 'After',
      cvWhatIfGain: '+{n} residents covered',
      cvWalkLabel: 'Walk',
      cvWalk: '{metres} m to the nearest',
      cvBeyond: 'beyond the {metres} m threshold',
      cvNoneReachable: 'None within walking reach',
      cvNoGridRow: 'No coverage figures for this grid.'
    }
  };

  const STORAGE_KEY = 'lilong.lang';
  const listeners = [];
  let current = initialLanguage();

  /** ?lang=en in the address wins (shareable links), then the visitor's last choice, then Chinese. */
  function initialLanguage() {
    const fromQuery = new URLSearchParams(window.location.search).get('lang');
    if (fromQuery === 'en' || fromQuery === 'zh') {
      return fromQuery;
    }
    try {
      const saved = window.localStorage.getItem(STORAGE_KEY);
      if (saved === 'en' || saved === 'zh') {
        return saved;
      }
    } catch (e) {
      // Storage can be disabled (private mode, file://); the default is fine then.
    }
    return 'zh';
  }

  function lang() {
    return current;
  }

  /** The interface string for key, with {name} placeholders filled from params. */
  function t(key, params) {
    const table = STRINGS[current];
    let text = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : STRINGS.zh[key];
    if (text === undefined) {
      return key;
    }
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
    }
    return text;
  }

  /** Whichever of a Chinese/English pair suits the current language, falling back to the other. */
  function pick(zh, en) {
    const first = current === 'en' ? en : zh;
    const second = current === 'en' ? zh : en;
    return first !== undefined && first !== null && first !== '' ? first : second;
  }

  /** A feature's name: name in Chinese mode, name_en when present in English mode. */
  function featureName(properties) {
    const p = properties || {};
    const name = pick(p.name, p.name_en);
    return name === undefined || name === null || name === '' ? t('untitled') : String(name);
  }

  /** The label of an entry from map-config that carries titleZh/titleEn (or nameZh/nameEn). */
  function label(entry) {
    if (!entry) {
      return '';
    }
    return pick(entry.titleZh !== undefined ? entry.titleZh : entry.nameZh,
      entry.titleEn !== undefined ? entry.titleEn : entry.nameEn) || entry.code || entry.id || '';
  }

  function formatNumber(value, fractionDigits) {
    const locale = current === 'en' ? 'en-GB' : 'zh-CN';
    return Number(value).toLocaleString(locale, { maximumFractionDigits: fractionDigits || 0 });
  }

  function setLang(next) {
    if ((next !== 'zh' && next !== 'en') || next === current) {
      return;
    }
    current = next;
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch (e) {
      // Not remembered across visits then; nothing else depends on it.
    }
    listeners.forEach((listener) => listener(current));
  }

  function toggle() {
    setLang(current === 'zh' ? 'en' : 'zh');
  }

  /** Calls listener(lang) after every language change; the page re-renders its parts there. */
  function onChange(listener) {
    listeners.push(listener);
  }

  Lilong.i18n = { t, lang, pick, featureName, label, formatNumber, setLang, toggle, onChange };
})(window.Lilong);
