"""The UI's stylesheet. Colours come from the Gradio theme's variables, so dark mode works too."""

CSS = """
.gradio-container {max-width: 1320px !important;}
#m-title h1 {margin-bottom: 0; font-size: 1.7em;}
.m-summary {margin: 2px 0 6px 0; opacity: 0.8;}
.m-empty {color: #b45309; opacity: 1;}
.m-hint p {font-size: 0.85em; opacity: 0.7; margin: 6px 0 0 0;}
.m-intro p {margin: 0 0 4px 0;}
.m-panel-title h3 {margin: 4px 0 0 0;}
#chat .placeholder {padding: 0 28px; text-align: center;}
#chat button.example {border: 1px solid var(--border-color-primary); border-radius: 10px;
  background: var(--background-fill-secondary);}
#chat button.example:hover {border-color: var(--color-accent);}
.m-caption {font-size: 0.82em; font-weight: 600; color: var(--color-accent); padding: 2px 0 4px 0;
  position: sticky; top: 0; z-index: 1; background: var(--block-background-fill);}
.m-placeholder {opacity: 0.7; font-style: italic; padding: 8px 2px;}
.m-how {font-size: 0.85em; opacity: 0.75; margin: 0 0 8px 2px;}

/* Anything quoted from the minutes wraps, however long its words or lines. */
.m-card, .m-reader, .m-chart, #chat .message {overflow-wrap: anywhere; word-break: break-word;}

.m-card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px 8px 12px;
  margin-bottom: 12px; background: var(--background-fill-secondary);}
.m-card header {display: flex; gap: 10px; align-items: flex-start;}
.m-num {flex: none; display: inline-flex; align-items: center; justify-content: center; min-width: 1.7em;
  height: 1.7em; border-radius: 6px; background: var(--color-accent); color: white; font-weight: 700;
  font-size: 0.85em;}
.m-where {font-size: 0.85em; opacity: 0.8;}
.m-what {font-weight: 600; line-height: 1.3;}
.m-quote {margin: 8px 0 6px 0; padding: 0 0 0 10px; border-left: 3px solid var(--border-color-primary);
  font-size: 0.9em; line-height: 1.5; white-space: pre-wrap; max-height: 260px; overflow-y: auto;}
.m-card footer {display: flex; gap: 8px; flex-wrap: wrap;}
.m-open {font-size: 0.82em; padding: 3px 10px; border-radius: 6px; cursor: pointer;
  border: 1px solid var(--border-color-primary); background: var(--background-fill-primary);
  color: var(--body-text-color);}
.m-open:hover, .m-open:focus-visible {border-color: var(--color-accent); color: var(--color-accent);}
mark {background: #fde68a; color: #1f2937; padding: 0 2px; border-radius: 3px;}

.m-refusal {border-left: 4px solid #d97706; padding: 10px 12px; background: #fffbeb; color: #78350f;
  border-radius: 6px; margin-bottom: 8px;}

.m-reader {font-size: 0.92em; line-height: 1.55;}
.m-reader .m-where {margin-bottom: 2px;}
.m-meeting-title {margin: 0 0 8px 0; font-size: 1.1em;}
.m-item-title {margin: 10px 0 4px 0; font-size: 1em;}
.m-ref {display: inline-block; font-size: 0.8em; padding: 1px 6px; margin-right: 4px; border-radius: 4px;
  background: var(--background-fill-secondary); border: 1px solid var(--border-color-primary);}
.m-flag {font-size: 0.75em; color: #b45309; border: 1px solid #f59e0b; border-radius: 4px; padding: 0 4px;}
.m-text {white-space: pre-wrap;}
.m-item {padding: 2px 10px 6px 10px; border-radius: 8px; scroll-margin-top: 12px;}
.m-current {background: var(--background-fill-secondary); border: 1px solid var(--color-accent);}
.m-attendance {display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px 0;
  padding: 6px 10px; border-radius: 8px; font-size: 0.92em;}
.m-attendance dt {font-weight: 600;}
.m-attendance dd {margin: 0;}
.m-agenda {margin: 4px 0 0 0; padding: 0; list-style: none;}
.m-agenda li {margin: 2px 0;}
.m-agenda-link {background: none; border: 1px solid transparent; border-radius: 6px; padding: 2px 6px;
  margin-left: -6px; text-align: left; cursor: pointer; color: var(--body-text-color); font: inherit;}
.m-agenda-link:hover, .m-agenda-link:focus-visible {border-color: var(--color-accent);}

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

.m-chart {padding: 8px 4px;}
.m-chart-title {font-weight: 600; margin-bottom: 10px;}
.m-plot {display: flex; gap: 18px; align-items: flex-end; overflow-x: auto; padding-bottom: 4px;}
.m-group {display: flex; gap: 6px; align-items: flex-end;}
.m-undated {flex-direction: column; align-items: stretch; border-left: 2px dashed var(--border-color-primary);
  padding-left: 14px;}
.m-group-cols {display: flex; gap: 6px; align-items: flex-end;}
.m-group-label {font-size: 0.8em; opacity: 0.75; text-align: center;}
.m-col {display: flex; flex-direction: column; align-items: center; width: 72px; padding: 4px 2px;
  border: 1px solid transparent; border-radius: 8px; background: none; cursor: pointer;
  color: var(--body-text-color); font: inherit;}
.m-col:hover:not([disabled]), .m-col:focus-visible {border-color: var(--color-accent);}
.m-col[disabled] {cursor: default; opacity: 0.55;}
.m-col.m-selected {border-color: var(--color-accent); background: var(--background-fill-secondary);}
.m-count {font-weight: 700; font-size: 0.9em;}
.m-track {display: flex; align-items: flex-end; height: 180px; width: 36px;
  border-bottom: 2px solid var(--border-color-primary);}
.m-bar {display: block; width: 100%; background: var(--color-accent); border-radius: 4px 4px 0 0;}
.m-when {font-size: 0.78em; line-height: 1.25; margin-top: 4px; text-align: center; min-height: 2.5em;}
"""
