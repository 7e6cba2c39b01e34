"""The UI's stylesheet. Colours come from the Gradio theme's variables, so dark mode works too.

Below 860 px (a phone, a narrow window) the Sources panel gives way to the
sources folded under each answer, and tables and two-column blocks stack.
"""

CSS = """
/* Gradio's container hides overflow, which would make it the scroll box that sticky parts stick to; clip only
   sideways, so the Meetings tab's item picker can stay at the top of the window. */
.gradio-container {max-width: 1320px !important; overflow-x: clip !important; overflow-y: visible !important;}
.m-title {margin: 0; font-size: 1.7em;}
.m-summary {margin: 2px 0 6px 0; opacity: 0.85;}
.m-empty {color: #b45309; opacity: 1;}
.m-hint {font-size: 0.85em; opacity: 0.75; margin: 6px 0 0 0;}
.m-intro {margin: 0 0 4px 0;}
.m-placeholder {opacity: 0.7; font-style: italic; padding: 8px 2px;}
.m-how, .m-panel-for {font-size: 0.85em; opacity: 0.8; margin: 0 0 8px 2px;}
.m-panel-for {font-weight: 600; opacity: 0.9;}
mark {background: #fde68a; color: #1f2937; padding: 0 2px; border-radius: 3px;}

/* Anything quoted from the minutes wraps, however long its words or lines. */
.m-card, .m-reader, .m-convo, .m-decisions, .m-tl-list, .m-chips {overflow-wrap: anywhere; word-break: break-word;}
pre.m-copytext {white-space: pre-wrap; overflow-wrap: anywhere;}

/* Small tool buttons and links: copy, cite, open. */
.m-tool {display: inline-block; font: inherit; font-size: 0.8em; line-height: 1.4; padding: 2px 9px; border-radius: 6px;
  cursor: pointer; border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
  color: var(--body-text-color); text-decoration: none; margin: 2px 4px 2px 0;}
.m-tool:hover, .m-tool:focus-visible {border-color: var(--color-accent); color: var(--color-accent);}
.m-tool[disabled] {opacity: 0.45; cursor: default;}
.m-copyscope {display: inline;}
.m-cite {display: inline;}
.m-cite > summary {list-style: none;}
.m-cite > summary::-webkit-details-marker {display: none;}
.m-cite[open] > summary {border-color: var(--color-accent);}
.m-cite-body {display: block; margin: 6px 0; padding: 8px; border-radius: 8px; border: 1px solid var(--border-color-primary);
  background: var(--background-fill-primary);}
.m-format-head {font-size: 0.8em; font-weight: 600; display: flex; gap: 8px; align-items: center;}
.m-format pre.m-copytext {font-size: 0.78em; margin: 2px 0 8px 0; padding: 6px; max-height: 180px; overflow: auto;
  background: var(--background-fill-secondary); border-radius: 6px;}
.m-tools {margin: 4px 0 8px 0;}

/* The conversation. */
#chat {padding: 0 !important;}
.m-convo {max-height: 560px; overflow-y: auto; padding: 10px 12px; display: flex; flex-direction: column; gap: 14px;}
.m-welcome {text-align: center; padding: 24px 28px;}
.m-examples {display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 8px; margin-top: 10px;}
.m-example {font: inherit; text-align: left; padding: 10px 12px; border-radius: 10px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-secondary); color: var(--body-text-color);}
.m-example:hover, .m-example:focus-visible {border-color: var(--color-accent);}
.m-turn {display: flex; flex-direction: column; gap: 6px;}
.m-q {align-self: flex-end; max-width: 85%; padding: 8px 12px; border-radius: 12px 12px 2px 12px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary); white-space: pre-wrap;}
.m-who {display: block; font-size: 0.72em; opacity: 0.65;}
.m-a {align-self: flex-start; max-width: 100%; padding: 10px 12px; border-radius: 12px 12px 12px 2px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--block-background-fill); box-sizing: border-box;}
.m-a:hover {border-color: var(--color-accent);}
.m-a.m-selected {border: 2px solid var(--color-accent); box-shadow: inset 4px 0 0 var(--color-accent);}
.m-a.m-selected::before {content: "Sources shown"; display: block; font-size: 0.72em; font-weight: 600;
  color: var(--color-accent); margin-bottom: 2px;}
.m-a-text {white-space: pre-wrap; line-height: 1.55;}
.m-a-tools {margin-top: 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px;}
.m-a-meta {font-size: 0.78em; opacity: 0.7;}
.m-a-note {font-size: 0.82em; opacity: 0.7; font-style: italic; margin-top: 4px;}
.m-pending .m-a {cursor: default; opacity: 0.85;}
.m-refused {border-left: 4px solid #d97706;}
.m-warn {border-color: #d97706; cursor: default;}
.m-markers {white-space: nowrap;}
.m-marker {color: var(--color-accent); font-weight: 700; text-decoration: none; padding: 0 1px;}
.m-marker:hover, .m-marker:focus-visible {text-decoration: underline;}
details.m-inline-sources {display: none;}
details.m-inline-sources > summary {cursor: pointer; font-size: 0.9em; font-weight: 600; padding: 6px 2px;
  color: var(--color-accent);}

/* Filters as chips beside the question. */
.m-chips {display: flex; flex-wrap: wrap; gap: 6px; align-items: center; font-size: 0.85em; min-height: 1.6em;}
.m-chips.m-none {opacity: 0.6;}
.m-chips-label {opacity: 0.75;}
.m-chip {display: inline-flex; align-items: center; gap: 4px; padding: 2px 4px 2px 10px; border-radius: 999px;
  border: 1px solid var(--color-accent); background: var(--background-fill-secondary);}
.m-chip-x {border: none; background: none; cursor: pointer; font-size: 1.1em; line-height: 1; padding: 0 6px;
  color: var(--body-text-color); border-radius: 999px;}
.m-chip-x:hover, .m-chip-x:focus-visible {background: var(--color-accent); color: white;}
.m-chip-error {color: #b91c1c; font-weight: 600;}

/* Source cards: the date and item number lead. */
.m-card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px 8px 12px;
  margin-bottom: 12px; background: var(--background-fill-secondary); scroll-margin: 80px;
  transition: box-shadow 0.3s, border-color 0.3s;}
.m-card.m-lit {border-color: var(--color-accent); box-shadow: 0 0 0 3px var(--color-accent); animation: m-pulse 1.2s 2;}
@keyframes m-pulse {50% {box-shadow: 0 0 0 6px var(--color-accent);}}
.m-card header {display: flex; gap: 10px; align-items: flex-start;}
.m-num {flex: none; display: inline-flex; align-items: center; justify-content: center; min-width: 1.8em;
  height: 1.8em; border-radius: 6px; background: var(--color-accent); color: white; font-weight: 700;}
.m-lead {font-size: 1.02em; font-weight: 700;}
.m-lead .m-date {margin-right: 6px;}
.m-itemno, .m-ref {display: inline-block; font-size: 0.85em; padding: 1px 6px; border-radius: 4px;
  background: var(--background-fill-primary); border: 1px solid var(--border-color-primary); font-weight: 600;}
.m-what {font-weight: 600; line-height: 1.3; margin-top: 2px;}
.m-where {font-size: 0.85em; opacity: 0.8;}
.m-quote {margin: 8px 0 6px 0; padding: 0 0 0 10px; border-left: 3px solid var(--border-color-primary);
  font-size: 0.9em; line-height: 1.5; white-space: pre-wrap; max-height: 260px; overflow-y: auto;}
.m-card footer {display: flex; flex-wrap: wrap; align-items: flex-start;}
.m-refusal {border-left: 4px solid #d97706; padding: 10px 12px; background: #fffbeb; color: #78350f;
  border-radius: 6px; margin-bottom: 8px;}

/* Readers: an item or a meeting in full. */
.m-reader {font-size: 0.92em; line-height: 1.55;}
.m-caption {font-size: 0.82em; font-weight: 600; color: var(--color-accent); padding: 2px 0 4px 0;
  position: sticky; top: 0; z-index: 1; background: var(--block-background-fill);}
.m-meeting-title {margin: 0 0 8px 0; font-size: 1.1em;}
.m-item-title {margin: 10px 0 4px 0; font-size: 1em;}
.m-flag {font-size: 0.75em; color: #b45309; border: 1px solid #f59e0b; border-radius: 4px; padding: 0 4px;}
.m-why {font-size: 0.75em; font-weight: 400; opacity: 0.75; margin-left: 6px;}
.m-text {white-space: pre-wrap;}
.m-item {padding: 2px 10px 6px 10px; border-radius: 8px; scroll-margin-top: 12px;}
.m-current {background: var(--background-fill-secondary); border: 1px solid var(--color-accent);}
.m-attendance {display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px 0;
  padding: 6px 0; font-size: 0.95em;}
.m-attendance dt {font-weight: 600;}
.m-attendance dd {margin: 0;}
.m-columns {display: grid; grid-template-columns: 1fr 1fr; gap: 18px;}
.m-columns h4 {margin: 4px 0;}
.m-columns h5 {margin: 10px 0 4px 0;}
.m-agenda, .m-decided {margin: 4px 0 0 0; padding: 0; list-style: none;}
.m-agenda li, .m-decided li {margin: 2px 0;}
.m-decided li.m-routine {opacity: 0.7;}
.m-people summary {cursor: pointer; font-weight: 600; margin-top: 4px;}
.m-orgs {margin: 2px 0 6px 0; padding-left: 14px; list-style: none;}
.m-orgs li {margin: 1px 0;}
.m-org {font-weight: 600;}
.m-agenda-link {background: none; border: 1px solid transparent; box-shadow: none; border-radius: 6px; padding: 2px 6px;
  margin-left: -6px; text-align: left; cursor: pointer; color: var(--body-text-color); font: inherit;}
.m-agenda-link:hover, .m-agenda-link:focus-visible {border-color: var(--color-accent);}
.m-steps {display: flex; flex-wrap: wrap; justify-content: space-between; gap: 6px; margin-top: 12px;
  padding-top: 8px; border-top: 1px solid var(--border-color-primary);}
#item-nav {position: sticky; top: 0; z-index: 5; background: var(--block-background-fill);
  box-shadow: 0 2px 6px rgba(0, 0, 0, 0.08);}

.m-meetings {display: flex; flex-direction: column; gap: 6px;}
.m-meeting {display: grid; grid-template-columns: 8em 1fr auto; gap: 10px; align-items: baseline;
  text-align: left; padding: 8px 12px; border-radius: 8px; cursor: pointer; font: inherit;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
  color: var(--body-text-color);}
.m-meeting:hover, .m-meeting:focus-visible {border-color: var(--color-accent);}
.m-meeting.m-selected {border-color: var(--color-accent); background: var(--background-fill-secondary);
  box-shadow: inset 3px 0 0 var(--color-accent);}
.m-meeting-date {font-weight: 600;}
.m-meeting-items {font-size: 0.85em; opacity: 0.75;}

/* Decisions. */
.m-table-wrap {max-height: 520px; overflow: auto;}
.m-decisions {width: 100%; border-collapse: collapse; font-size: 0.9em;}
.m-decisions th {text-align: left; position: sticky; top: 0; background: var(--block-background-fill);
  border-bottom: 2px solid var(--border-color-primary); padding: 6px 8px;}
.m-decisions td {vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--border-color-primary);}
.m-decisions td.m-date {white-space: nowrap; font-weight: 600;}
.m-decisions td.m-decision {white-space: pre-wrap;}
.m-decisions tbody tr {cursor: pointer;}
.m-decisions tr.m-routine td {opacity: 0.75;}
.m-decisions tbody tr:hover, .m-decisions tbody tr:focus-visible, .m-decisions tr.m-selected {
  background: var(--background-fill-secondary); outline: 1px solid var(--color-accent);}

/* Timeline. */
.m-rule {font-size: 0.85em; opacity: 0.85; margin: 4px 0;}
.m-zero {border-left: 4px solid #d97706; padding: 8px 12px; border-radius: 6px; background: var(--background-fill-secondary);}
.m-zero p {margin: 2px 0;}
.m-tl-list, .m-suggestions {display: flex; flex-wrap: wrap; gap: 4px; margin: 4px 0;}
#timeline-plot {width: 100%;}
#timeline-plot .mark-symbol path {fill: var(--color-accent); fill-opacity: 0.85; stroke-width: 4; cursor: pointer;}

@media (max-width: 860px) {
  #sources {display: none;}
  details.m-inline-sources {display: block;}
  .m-convo {max-height: 70vh; padding: 8px;}
  .m-q {max-width: 92%;}
  .m-a.m-selected {border-width: 1px; box-shadow: none;}
  .m-a.m-selected::before {display: none;}
  .m-columns {grid-template-columns: 1fr;}
  .m-meeting {grid-template-columns: 7em 1fr; }
  .m-meeting-items {grid-column: 2;}
  .m-table-wrap {max-height: none;}
  .m-decisions thead {display: none;}
  .m-decisions, .m-decisions tbody, .m-decisions tr, .m-decisions td {display: block; width: auto;}
  .m-decisions tr {border-bottom: 1px solid var(--border-color-primary); padding: 6px 0;}
  .m-decisions td {border: none; padding: 1px 4px;}
}
"""
