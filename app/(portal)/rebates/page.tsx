import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("rebates");

export default function Page() {
  return <NotBuiltPage id="rebates" />;
}
