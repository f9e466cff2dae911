import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("kyc");

export default function Page() {
  return <NotBuiltPage id="kyc" />;
}
