import { NotBuiltPage, notBuiltMetadata } from "@/components/shell/not-built";

export const generateMetadata = () => notBuiltMetadata("deposits");

export default function Page() {
  return <NotBuiltPage id="deposits" />;
}
