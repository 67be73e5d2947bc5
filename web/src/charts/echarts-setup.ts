import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts of ECharts the dashboards draw (bars, lines, axes, legend, tooltip) with the
// SVG renderer: crisp at any pixel ratio and lighter than canvas. Loaded on demand by
// EChart.tsx so that the main bundle does not carry it.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
