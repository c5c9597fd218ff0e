// /netzwerk/: the cooperation network drawn with cytoscape.js (vendored) from the data the page
// carries as JSON (json_script: data, never run). The table below the picture lists the same
// connections with links; it is what keyboard and screen reader users (and printers) use.
(function () {
  "use strict";

  const figure = document.getElementById("network-figure");
  const container = document.getElementById("network-graph");
  const source = document.getElementById("network-data");
  if (!figure || !container || !source || typeof window.cytoscape !== "function") {
    return;
  }
  const data = JSON.parse(source.textContent);
  if (data.nodes.length === 0) {
    return;
  }

  // Each kind by colour and by line style (the legend shows both): Okabe-Ito colours, which
  // stay apart for the common colour vision deficiencies.
  const KINDS = {
    agreement: { color: "#0072b2", style: "solid" },
    project: { color: "#d55e00", style: "dashed", dash: [9, 4] },
    event: { color: "#009e73", style: "dotted" },
    brokered: { color: "#a0457e", style: "dashed", dash: [12, 3, 2, 3] },
  };
  const heaviest = Math.max(...data.edges.map((edge) => edge.weight));
  const width = (weight) => 1.5 + (heaviest > 1 ? (6 * (weight - 1)) / (heaviest - 1) : 0);

  const style = [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "font-size": 10,
        "min-zoomed-font-size": 7,
        "text-valign": "bottom",
        "text-margin-y": 3,
        "text-wrap": "ellipsis",
        "text-max-width": "120px",
        color: "#212529",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        width: 16,
        height: 16,
        "border-width": 2,
      },
    },
    {
      selector: 'node[type = "organisation"]',
      style: { shape: "ellipse", "background-color": "#ffffff", "border-color": "#333333" },
    },
    {
      selector: 'node[type = "police"]',
      style: { shape: "round-rectangle", "background-color": "#1f3a5f", "border-color": "#1f3a5f" },
    },
    {
      selector: "node:selected",
      style: { "border-color": "#b8860b", "border-width": 4 },
    },
    {
      selector: "edge",
      style: {
        "curve-style": "bezier",
        width: (edge) => width(edge.data("weight")),
        opacity: 0.85,
      },
    },
  ];
  for (const [kind, look] of Object.entries(KINDS)) {
    const edgeStyle = { "line-color": look.color, "line-style": look.style };
    if (look.dash) {
      edgeStyle["line-dash-pattern"] = look.dash;
    }
    style.push({ selector: `edge[kind = "${kind}"]`, style: edgeStyle });
  }

  // For tests and tools, once the layout has placed the nodes: what is drawn.
  function drawn(cy) {
    container.cytoscape = cy;
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.rendered = "true";
  }

  figure.hidden = false; // before drawing: cytoscape measures the container
  const cy = window.cytoscape({
    container: container,
    elements: {
      nodes: data.nodes.map((node) => ({ data: node })),
      edges: data.edges.map((edge) => ({ data: edge })),
    },
    style: style,
    layout: {
      name: "cose",
      animate: false,
      nodeDimensionsIncludeLabels: true,
      padding: 20,
      // Looser than cytoscape's defaults: agreements with many parties make dense clusters.
      idealEdgeLength: () => 110,
      nodeRepulsion: () => 120000,
      componentSpacing: 80,
      gravity: 0.4,
      randomize: true,
      stop: (event) => drawn(event.cy),
    },
    userZoomingEnabled: false, // the page scrolls, the picture does not trap the wheel
    boxSelectionEnabled: false,
    minZoom: 0.2,
    maxZoom: 3,
  });

  // A node is a link to its page.
  cy.on("tap", "node", (event) => {
    window.location.assign(event.target.data("url"));
  });
  cy.on("mouseover", "node", () => {
    container.classList.add("network-graph__canvas--link");
  });
  cy.on("mouseout", "node", () => {
    container.classList.remove("network-graph__canvas--link");
  });

})();
