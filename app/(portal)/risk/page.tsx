/** /risk opens the risk events: the sidebar's Risk group lists events, limits, breakers and the emergency stop. */
import { redirect } from "next/navigation";

export default function RiskPage() {
  redirect("/risk/events");
}
