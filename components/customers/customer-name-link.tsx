/** A list cell's customer: the name, linking to the customer's page, with the UID beside it. */
import Link from "next/link";

export function CustomerNameLink({ customer }: { customer: { id: string; name: string; uid: string | number | bigint } }) {
  return (
    <Link href={`/customers/${customer.id}`} className="block max-w-44 truncate font-medium underline-offset-4 hover:underline">
      {customer.name}
      <span className="ml-1.5 font-mono text-xs font-normal text-muted-foreground tabular-nums">{String(customer.uid)}</span>
    </Link>
  );
}
