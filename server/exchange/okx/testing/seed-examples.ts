/**
 * The example responses of seed 001, verbatim (the `data` arrays), for schema tests. The seed's own
 * inconsistencies are kept on purpose: "marker" for the maker fee rate, booleans where the table says String.
 */
import "server-only";

export const SEED_EXAMPLES = {
  subaccountInfo: [
    {
      details: [
        { acctLv: "1", canTransOut: false, mainAcct: "", enable: true, frozenFunc: [], label: "1", subAcct: "h*******5", ts: "1648521249000", uid: "289*********1696" },
      ],
      page: "1",
      totalPage: "1",
    },
  ],
  subaccountTradeFee: [
    {
      details: [
        {
          feeRates: [
            { marker: "-0.0008", taker: "-0.001", type: "1" },
            { marker: "-0.0005", taker: "-0.0007", type: "2" },
            { marker: "-0.0002", taker: "-0.0005", type: "3" },
            { marker: "-0.0002", taker: "-0.0005", type: "4" },
            { marker: "-0.0002", taker: "-0.0005", type: "5" },
            { marker: "-0.0002", taker: "-0.0005", type: "6" },
            { marker: "-0.0002", taker: "-0.0005", type: "7" },
            { marker: "-0.0002", taker: "-0.0005", type: "8" },
            { marker: "-0.0002", taker: "-0.0003", type: "9" },
          ],
          mainAcct: "",
          subAcct: "subaccount111ad",
          ts: "1658287703000",
          uid: "335748406955877155",
        },
      ],
      page: "1",
      totalPage: "1",
    },
  ],
  createApiKey: [
    { subAcct: "panpanBroker2", label: "broker3", apiKey: "****", secretKey: "****", passphrase: "Qwr4321!", perm: "read_only,trade", ip: "10.0.108.9", ts: "1597026383085" },
  ],
  getApiKeys: [
    { label: "v5", apiKey: "arg13sdfgs", perm: "read_only,trade", ip: "1.1.1.1,2.2.2.2", ts: "1597026383085" },
    { label: "v5.1", apiKey: "arg13sdfgs", perm: "read_only", ip: "1.1.1.1,2.2.2.2", ts: "1597026383085" },
  ],
  setSubaccountLevel: [{ acctLv: "3" }],
  createDepositAddress: [{ chain: "EOS-EOS", ccy: "EOS", memo: "10810086", addr: "okbtothemoon", ts: "1637141950450" }],
  modifyDepositAddress: [{ chain: "USDT-ERC20", ccy: "USDT", to: "18", addr: "1123456", ts: "1654778132000" }],
  getDepositAddresses: [
    {
      chain: "XMR-Monero",
      ctAddr: "",
      ccy: "XMR",
      to: "6",
      addr: "884ifkSCavs9X759FZhfmrNmEbimqnXdofsd5kqXwuxfJMKZPKCfSAubrnwanuUf2JJi6hwskfcYzAUGodkJj3RsHAVFoDm",
      selected: false,
    },
    {
      chain: "XMR-Monero",
      ctAddr: "",
      ccy: "XMR",
      to: "6",
      addr: "88aCNpJgfX1DGZ2HPd5i9DaAmyuRiQbnFGVbc8AFXgAhi4i7eX6sRm75m1UuJNZxwfMh4xBwV5fv6h4A5v1qQET5LHnXqgn",
      selected: false,
    },
  ],
  depositHistory: [
    {
      amt: "0.01044408",
      actualDepBlkConfirm: "17",
      txId: "1915737_3_0_0_asset",
      ccy: "BTC",
      chain: "BTC-Bitcoin",
      from: "13801825426",
      areaCodeFrom: "86",
      to: "",
      ts: "1597026383085",
      state: "2",
      subAcct: "brokerTest1",
      depId: "4703879",
    },
  ],
  getRebateFile: [
    {
      beginTime: "1671638400000",
      cTime: "1671675432000",
      endTime: "1671638400000",
      fileHref:
        "http://okg-pri-hk.oss-cn-hongkong.aliyuncs.com/okex/broker/pap/brokerRebateInfo/dc9df1365dac6695737e7f17cae14198/21754f4be28dBCDE/2022-12-22/RebateDetails/RebateDetails1222-1222.csv?Expires=1697617451&OSSAccessKeyId=LTAI5tKNPwWs7AttSPZn4iaa&Signature=EdnQthE3PgXHFVtGlQ7gGILi%2Fbw%3D",
      state: "finished",
      ts: "1671676696000",
    },
  ],
  createRebateFile: [{ result: "true", ts: "1646892328000" }],
  ifRebate: [{ affiliated: false, brokerCode: "6099c63a8d75SCDE", type: "0", clientRebateRatio: "0", lastRebate: "" }],
} as const;
