/** The link above a messages sub-page back to the list. */
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export function BackToMessages({ label }: { label: string }) {
  return (
    <Button asChild variant="ghost" size="sm" className="mb-1 w-fit px-0">
      <Link href="/messages">
        <ArrowLeft />
        {label}
      </Link>
    </Button>
  );
}
