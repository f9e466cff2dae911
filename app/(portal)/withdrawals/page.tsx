import { NotBuiltPage, notBuiltMetadata } from "@/app/(portal)/_components/not-built";

export const generateMetadata = () => notBuiltMetadata("withdrawals");

export default function Page() {
  return <NotBuiltPage id="withdrawals" />;
}
