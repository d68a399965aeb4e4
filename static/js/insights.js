// The Insights page's charts; each has a table with the same numbers on the page.
// Their colours are the stylesheet's (--rb-chart-* in css/app.css, dark values in
// css/dark.css), read again when the system's theme changes (js/theme.js).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("insights-data");
  if (!source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  const colour = (name) => () => css(`--rb-chart-${name}`);
  const teal = colour("teal");
  const palette = ["teal", "orange", "grey", "purple", "blue", "red"].map(colour);
  const themeDefaults = () => {
    Chart.defaults.color = css("--rb-chart-text");
    Chart.defaults.borderColor = css("--rb-chart-grid");
  };
  themeDefaults();
  // The page's own background behind each chart, so a saved PNG reads as it did on screen.
  const background = {
    id: "background",
    beforeDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = css("--bs-body-bg");
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
  const base = { responsive: true, maintainAspectRatio: false, animation: false };
  const charts = [];

  const activity = document.getElementById("activity-chart");
  if (activity) {
    charts.push(new Chart(activity, {
      plugins: [background],
      data: {
        labels: data.activity.labels,
        datasets: [
          { type: "bar", label: gettext("Applications"), data: data.activity.applications, backgroundColor: teal },
          { type: "bar", label: gettext("Interviews"), data: data.activity.interviews, backgroundColor: colour("orange") },
          { type: "line", label: gettext("Goal a week"), data: data.activity.goal, borderColor: colour("grey"),
            borderDash: [6, 4], pointRadius: 0, spanGaps: false },
        ],
      },
      options: { ...base, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
    }));
  }

  const ratings = document.getElementById("ratings-chart");
  if (ratings) {
    charts.push(new Chart(ratings, {
      type: "line",
      plugins: [background],
      data: {
        labels: data.ratings.labels,
        datasets: Object.entries(data.ratings.series).map(([label, values], i) => ({
          label, data: values, borderColor: palette[i % palette.length], tension: 0.2,
        })),
      },
      options: { ...base, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } } },
    }));
  }

  const mood = document.getElementById("mood-chart");
  if (mood) {
    charts.push(new Chart(mood, {
      type: "line",
      plugins: [background],
      data: { labels: data.mood.labels, datasets: [{ label: gettext("Mood"), data: data.mood.values, borderColor: teal }] },
      options: { ...base, scales: { y: { min: 1, max: 5, ticks: { stepSize: 1 } } } },
    }));
  }

  document.addEventListener("rebound:theme", () => {
    themeDefaults();
    charts.forEach((chart) => chart.update());
  });

  // "Save the chart as PNG": the canvas as it is drawn, downloaded.
  document.querySelectorAll("[data-png]").forEach((button) => {
    button.addEventListener("click", () => {
      const chart = Chart.getChart(button.dataset.png);
      if (!chart) return;
      const link = document.createElement("a");
      link.href = chart.toBase64Image();
      link.download = button.dataset.filename;
      link.click();
    });
  });
});
