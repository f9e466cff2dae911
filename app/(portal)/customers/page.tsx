import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("customers");

export default function Page() {
  return <NotBuiltPage id="customers" />;
}
