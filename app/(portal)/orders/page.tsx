import { NotBuiltPage, notBuiltMetadata } from "@/app/(portal)/_components/not-built";

export const generateMetadata = () => notBuiltMetadata("openOrders");

export default function Page() {
  return <NotBuiltPage id="openOrders" />;
}
