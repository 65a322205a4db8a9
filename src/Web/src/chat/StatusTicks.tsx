// WhatsApp's ticks: one grey = sent, two grey = delivered, two blue = read, a clock = queued,
// red "!" = failed (the reason in the title and, on hover or focus, as visible text).
import type { MessageError, MessageStatus } from "../api/types";
import { Clock, DoubleTick, SingleTick } from "../shared/icons";

export function failureText(error: MessageError | undefined): string {
  if (!error) return "Not sent";
  return error.reason ? `${error.reason} (${error.code})` : `Error ${error.code}`;
}

export function StatusTicks({ status, error, compact }: { status: MessageStatus | ""; error?: MessageError | undefined; compact?: boolean }) {
  switch (status) {
    case "queued":
      return (
        <span class="ticks ticks-queued" role="img" aria-label="Queued" title="Queued">
          <Clock />
        </span>
      );
    case "held":
      return (
        <span class="ticks ticks-held" role="img" aria-label="Held until the customer writes" title="Held until the customer writes">
          <Clock />
        </span>
      );
    case "sent":
      return (
        <span class="ticks ticks-sent" role="img" aria-label="Sent" title="Sent">
          <SingleTick />
        </span>
      );
    case "delivered":
      return (
        <span class="ticks ticks-delivered" role="img" aria-label="Delivered" title="Delivered">
          <DoubleTick />
        </span>
      );
    case "read":
    case "played":
      return (
        <span class="ticks ticks-read" role="img" aria-label="Read" title="Read">
          <DoubleTick />
        </span>
      );
    case "failed": {
      const reason = failureText(error);
      if (compact)
        return (
          <span class="ticks ticks-failed" role="img" aria-label={`Failed: ${reason}`} title={`Failed: ${reason}`}>
            !
          </span>
        );
      return (
        <button type="button" class="ticks ticks-failed failure-button" aria-label={`Failed: ${reason}`} title={`Failed: ${reason}`}>
          !<span class="failure-tooltip" role="tooltip">
            Failed: {reason}
          </span>
        </button>
      );
    }
    default:
      return null;
  }
}
