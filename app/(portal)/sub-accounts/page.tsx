import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("subAccounts");

export default function Page() {
  return <NotBuiltPage id="subAccounts" />;
}
