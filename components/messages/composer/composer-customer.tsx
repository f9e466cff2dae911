"use client";
/** The composer, first loading the customer it was opened for (the customer page's "Send a message"). */
import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "@/components/ui/skeleton";
import { useTRPC } from "@/lib/trpc/client";
import { MessageComposer } from "./message-composer";

export function ComposerCustomer({ customerId }: { customerId: string | null }) {
  const trpc = useTRPC();
  const customer = useQuery({ ...trpc.customer.get.queryOptions({ id: customerId ?? "" }), enabled: customerId !== null, retry: false });
  if (customerId === null) return <MessageComposer />;
  if (customer.isPending) return <Skeleton className="h-96 w-full" />;
  // An id of no customer of this brand: the composer without one.
  const c = customer.data;
  return <MessageComposer customer={c && c.status !== "closed" ? { id: c.id, uid: c.uid, name: c.name, status: c.status } : null} />;
}
