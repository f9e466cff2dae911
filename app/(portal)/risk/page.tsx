import { NotBuiltPage, notBuiltMetadata } from "@/app/(portal)/_components/not-built";

export const generateMetadata = () => notBuiltMetadata("risk");

export default function Page() {
  return <NotBuiltPage id="risk" />;
}
