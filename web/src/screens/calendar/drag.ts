// Drag and drop of posts (HTML5): a tile is the source, a day cell (month) or a slot
// (week, day) the target. Every drop reaches `onDrop`, refused ones too, so the refusal
// can be said; while hovering, the target shows whether it would take the post.
import { useState } from "preact/hooks";
import type { CivilDate } from "./calendar-math";
import type { Post } from "./calendar-data";

export interface DropTarget {
  day: CivilDate;
  // The slot's wall-clock minute (week, day); none in the month: the time is kept.
  minute?: number;
}

export interface DragSource {
  draggable?: boolean;
  onDragStart?: (e: DragEvent) => void;
  onDragEnd?: () => void;
}

export interface DropHandlers {
  // " cal-drop-ok" or " cal-drop-refused" while the dragged post hovers, else "".
  class: string;
  onDragOver: (e: DragEvent) => void;
  onDrop: (e: DragEvent) => void;
}

export interface Drag {
  dragging: Post | null;
  source(post: Post): DragSource;
  // `accepts` says whether the dragged post may land there (for the highlight only).
  target(key: string, target: DropTarget, accepts: (post: Post) => boolean): DropHandlers;
}

export function useDrag(onDrop: (post: Post, target: DropTarget) => void): Drag {
  const [dragging, setDragging] = useState<Post | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const end = () => {
    setDragging(null);
    setOver(null);
  };
  return {
    dragging,
    source: (post) => ({
      draggable: true,
      onDragStart: (e: DragEvent) => {
        e.dataTransfer?.setData("text/plain", post.id);
        if (e.dataTransfer) e.dataTransfer.effectAllowed = "move";
        setDragging(post);
      },
      onDragEnd: end,
    }),
    target: (key, target, accepts) => {
      const hovered = dragging !== null && over === key;
      return {
        class: hovered ? (accepts(dragging) ? " cal-drop-ok" : " cal-drop-refused") : "",
        onDragOver: (e: DragEvent) => {
          if (!dragging) return;
          // Always droppable, so that a refusal is told rather than silently ignored.
          e.preventDefault();
          if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
          if (over !== key) setOver(key);
        },
        onDrop: (e: DragEvent) => {
          if (!dragging) return;
          e.preventDefault();
          const post = dragging;
          end();
          onDrop(post, target);
        },
      };
    },
  };
}
