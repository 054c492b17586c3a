-- wrk script: Coral Talk's comments:analyze request (docs/perspective.md)
-- with realistic Turkish reader comments, the API key in the URL as Coral
-- sends it. Nothing is stored, so the texts repeat; there is no cache to hit.
--   wrk -t2 -c50 -d20s --latency -s bench/load/analyze.lua \
--       "http://127.0.0.1:8080/v1alpha1/comments:analyze?key=KEY"
local counter = 0
local texts = {
  "Vapur hattının açılması çok güzel olmuş, emeği geçenlere teşekkürler. Umarım hafta sonu seferleri de artar.",
  "Belediyenin bu kararı bence çok yanlış, mahalleliye hiç danışmadan park alanını otoparka çevirdiler.",
  "Haberde verilen rakamlar geçen yılın raporuyla uyuşmuyor, kaynağı da belirtirseniz daha iyi olur.",
  "Sabahları köprüde bir saat beklemektense vapurla gitmek hem daha hızlı hem daha keyifli olacak.",
  "Yazan da okuyan da salak, böyle haber mi olur ya.",
  "Kira artışları yüzünden gençler şehir dışına taşınmak zorunda kalıyor, bu konuda somut bir adım atılmalı.",
}
request = function()
  counter = counter + 1
  local text = texts[(counter % #texts) + 1]
  local body = string.format(
    '{"comment":{"text":"%s"},"doNotStore":true,"requestedAttributes":{"TOXICITY":{}},"languages":["en"]}',
    text)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
