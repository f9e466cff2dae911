import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("partnerKeys");

export default function Page() {
  return <NotBuiltPage id="partnerKeys" />;
}
