-- wrk script: POST a clean Turkish comment to an article, each request with
-- a different text so that nothing can be cached.
--   wrk -t2 -c50 -d20s --latency -s bench/load/post_comment.lua \
--       http://127.0.0.1:8080/api/v1/articles/SLUG/comments
local counter = 0
local texts = {
  "Vapur hattının açılması çok güzel olmuş, emeği geçenlere teşekkürler.",
  "Sabahları köprüde beklemek yerine vapurla gitmek çok daha keyifli olacak.",
  "Elektrikli vapurlar hem sessiz hem temiz, bu yatırım yerinde olmuş.",
  "Hafta sonu seferlerinin saatlerini merakla bekliyoruz, umarım sık olur.",
}
request = function()
  counter = counter + 1
  local text = texts[(counter % #texts) + 1]
  local body = string.format('{"author": "Okur %d", "text": "%s"}', counter, text)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
