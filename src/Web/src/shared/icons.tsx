// Inline SVG icons (decorative: the buttons that hold them carry the accessible name).
import type { JSX } from "preact";

type IconProps = { size?: number; class?: string; title?: string };

function Svg(props: IconProps & { viewBox: string; children: JSX.Element | JSX.Element[] }) {
  const size = props.size ?? 20;
  return (
    <svg
      class={`icon ${props.class ?? ""}`}
      width={size}
      height={size}
      viewBox={props.viewBox}
      aria-hidden={props.title ? undefined : "true"}
      role={props.title ? "img" : undefined}
      focusable="false"
    >
      {props.title ? <title>{props.title}</title> : <></>}
      {props.children}
    </svg>
  );
}

export const SingleTick = (p: IconProps) => (
  <Svg viewBox="0 0 16 11" size={p.size ?? 16} class={p.class}>
    <path fill="currentColor" d="M11.07.65 4.5 7.22 1.9 4.62.84 5.68l3.66 3.66 7.63-7.63z" />
  </Svg>
);

export const DoubleTick = (p: IconProps) => (
  <Svg viewBox="0 0 18 11" size={p.size ?? 18} class={p.class}>
    <path fill="currentColor" d="M11.07.65 4.5 7.22 1.9 4.62.84 5.68l3.66 3.66 7.63-7.63zM16.1.65 9.53 7.22l-.8-.8-1.06 1.06 1.86 1.86 7.63-7.63z" />
  </Svg>
);

export const Clock = (p: IconProps) => (
  <Svg viewBox="0 0 16 16" size={p.size ?? 14} class={p.class}>
    <path fill="currentColor" d="M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13zm0 1.4a5.1 5.1 0 1 1 0 10.2A5.1 5.1 0 0 1 8 2.9zM7.3 4.5v4.1l3.1 1.9.7-1.2-2.4-1.4V4.5z" />
  </Svg>
);

export const Attach = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size} class={p.class}>
    <path fill="currentColor" d="M16.5 6v11.5a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10.5a1 1 0 0 1-2 0V6H10v9.5a2.5 2.5 0 0 0 5 0V5a4 4 0 0 0-8 0v12.5a5.5 5.5 0 0 0 11 0V6z" />
  </Svg>
);

export const Smiley = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size} class={p.class}>
    <path fill="currentColor" d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm-3.5-9a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm7 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zM12 17.5c2.3 0 4.3-1.4 5.1-3.5H6.9c.8 2.1 2.8 3.5 5.1 3.5z" />
  </Svg>
);

export const Send = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size} class={p.class}>
    <path fill="currentColor" d="M1.1 21.8 23 12 1.1 2.2 1.1 9.8l15.6 2.2-15.6 2.2z" />
  </Svg>
);

export const Search = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size ?? 18} class={p.class}>
    <path fill="currentColor" d="M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 14 15.5l.3.3v.8l5 5 1.5-1.5zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z" />
  </Svg>
);

export const Close = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size ?? 18} class={p.class}>
    <path fill="currentColor" d="m19 6.4-1.4-1.4L12 10.6 6.4 5 5 6.4l5.6 5.6L5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z" />
  </Svg>
);

export const Reply = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size ?? 18} class={p.class}>
    <path fill="currentColor" d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z" />
  </Svg>
);

export const Plus = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size} class={p.class}>
    <path fill="currentColor" d="M19 13h-6v6h-2v-6H5v-2h6V5h2v6h6z" />
  </Svg>
);

export const DocumentIcon = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size ?? 32} class={p.class}>
    <path fill="currentColor" d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zm-1 7V3.5L18.5 9z" />
  </Svg>
);

export const Pin = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size ?? 28} class={p.class}>
    <path fill="currentColor" d="M12 2a7 7 0 0 0-7 7c0 5.2 7 13 7 13s7-7.8 7-13a7 7 0 0 0-7-7zm0 9.5A2.5 2.5 0 1 1 12 6.5a2.5 2.5 0 0 1 0 5z" />
  </Svg>
);

export const ArrowDown = (p: IconProps) => (
  <Svg viewBox="0 0 24 24" size={p.size ?? 22} class={p.class}>
    <path fill="currentColor" d="M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z" />
  </Svg>
);
