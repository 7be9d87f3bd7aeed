// Draws 执行进度 against 时间进度 for a project. Data comes from the element's data-series attribute (no inline script: CSP).
(function () {
    var el = document.getElementById('execution-chart');
    if (!el || !window.echarts) return;
    var points = JSON.parse(el.getAttribute('data-series'));
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption({
        animation: false,
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v.toFixed(1) + '%'; } },
        legend: { data: ['时间进度', '执行率'] },
        grid: { left: 48, right: 16, top: 36, bottom: 28 },
        xAxis: { type: 'category', data: points.map(function (p) { return p.month + '月'; }) },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0, max: function (v) { return Math.max(100, Math.ceil(v.max / 10) * 10); } },
        series: [
            { name: '时间进度', type: 'line', data: points.map(function (p) { return p.time; }), lineStyle: { type: 'dashed' }, symbol: 'none' },
            { name: '执行率', type: 'line', data: points.map(function (p) { return p.rate; }), areaStyle: { opacity: 0.15 } }
        ]
    });
    window.addEventListener('resize', function () { chart.resize(); });
})();
