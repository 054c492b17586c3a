// The interface's words in Turkish (the default) and English. A page says
// its language in <html lang>; the embed in its data-lang attribute. The
// words of the comment policy's rules come from the rule table
// (rules.ts, generated from src/rules/rules.toml).
import { ruleText } from "./rules";

export type Lang = "tr" | "en";

export function pageLang(doc: Document = document): Lang {
  return (doc.documentElement.lang || "").toLowerCase().startsWith("en") ? "en" : "tr";
}

const tr = {
  checking: "Yorumunuz denetleniyor…",
  checkFailed: "Yorumunuz şu an denetlenemedi; yine de gönderebilirsiniz.",
  clean: "Yorumunuz yorum politikamıza uygun görünüyor.",
  willReview: "Bu hâliyle gönderirseniz yorumunuz bir moderatörün onayını bekler.",
  willReject: "Bu hâliyle gönderirseniz yorumunuz yayımlanmaz.",
  problems: (n: number) => (n === 1 ? "1 sorun bulundu" : `${n} sorun bulundu`),
  fixAvailable: "Tek tıkla düzeltme önerisi var.",
  checkTitle: "Gönderilmeden önce denetim",
  fragments: "Sorunlu yerler",
  position: (start: number, end: number) =>
    end - start <= 1 ? `${start + 1}. karakter` : `${start + 1}–${end}. karakterler`,
  more: (n: number) => `ve ${n} yer daha`,
  suggestions: "Öneriler",
  replaceWith: (from: string, to: string) => `«${from}» yerine «${to}» yaz`,
  replaced: (from: string, to: string) => `«${from}» yerine «${to}» yazıldı.`,
  applyFix: "Düzeltmeyi uygula",
  applyAll: "Düzeltmelerin hepsini uygula",
  fixPreview: "Düzeltilmiş hâli",
  fixApplied: "Düzeltme uygulandı. Yorumunuz yeniden denetleniyor.",
  sending: "Yorumunuz gönderiliyor…",
  published: "Yorumunuz yayımlandı.",
  pending: "Yorumunuz alındı ve bir moderatörün onayını bekliyor. Onaylanınca burada görünecek.",
  rejected: "Yorumunuz yorum politikamıza uymadığı için yayımlanmadı.",
  rejectedFix: "Aşağıdaki düzeltmeyi uygulayıp yeniden gönderebilirsiniz.",
  tooMany: (s: number) => `Çok sık yorum gönderdiniz. ${s} saniye sonra yeniden deneyin.`,
  sendFailed: "Yorumunuz gönderilemedi. Bağlantınızı denetleyip yeniden deneyin.",
  sendError: (m: string) => `Yorumunuz gönderilemedi: ${m}`,
  replyingTo: "Yanıtlanan",
  cancel: "Vazgeç",
  reply: "Yanıtla",
  report: "Bildir",
  reported: "Bildirildi",
  reportThanks: "Bildiriminiz alındı. Teşekkürler.",
  reportFailed: "Bildiriminiz gönderilemedi.",
  // Photo
  enlarge: "Büyüt",
  close: "Kapat",
  zoomIn: "Yakınlaştır",
  zoomOut: "Uzaklaştır",
  previous: "Önceki fotoğraf",
  next: "Sonraki fotoğraf",
  photoDialog: "Fotoğraf",
  lightboxHelp: "Esc kapatır; + ve − yakınlaştırır; ok tuşları gezdirir. Dokunmatik ekranda iki parmakla büyütün.",
  copyLink: "Bağlantıyı kopyala",
  copied: "Bağlantı panoya kopyalandı.",
  copyFailed: "Bağlantı kopyalanamadı; adres kutusundan kopyalayın.",
  // Moderation
  approved: (id: string) => `#${id} onaylandı.`,
  rejectedBy: (id: string) => `#${id} reddedildi.`,
  decideFailed: (m: string) => `Karar kaydedilemedi: ${m}`,
  conflict: "Bu yorumu başka bir moderatör sizden önce karara bağladı; sayfayı yenileyin.",
  emptyQueue: "Bu kuyrukta yorum yok.",
  shortcuts:
    "Kuyruktayken kısayollar: j / k sonraki / önceki yorum, x seç, a onayla, r reddet (seçilenleri ya da bulunduğunuz yorumu), t konuşma, u geri al.",
  selected: (id: string) => `Seçili yorum: #${id}`,
  selectAll: "Tümünü seç",
  decidedMany: (n: number, what: string) => `${n} yorum ${what}.`,
  approvedWord: "onaylandı",
  rejectedWord: "reddedildi",
  refusedMany: (ids: string) =>
    `Başka bir moderatör sizden önce karar verdiği için kaydedilmedi: ${ids}.`,
  nowStatus: (status: string) => `Başka bir moderatör karar verdi; şimdi: ${status}.`,
  undo: "Geri al",
  undone: (n: number) => `${n} karar geri alındı.`,
  undoFailed: "Geri alınamadı: yorumlardan biri yeniden karara bağlandı.",
  thread: "Konuşma",
  threadLoading: "Konuşma yükleniyor…",
  threadFailed: "Konuşma yüklenemedi.",
  statusName: {
    approved: "onaylı",
    pending: "bekliyor",
    reported: "bildirildi",
    rejected: "reddedildi",
  } as Record<string, string>,
  noneSelected: "Önce bir yorum seçin (x).",
  // The commenter, back on the article
  laterApproved: "Moderatörün onayını bekleyen yorumunuz yayımlandı.",
  laterRejected: "Moderatörün onayını bekleyen yorumunuz yayımlanmadı.",
  laterReason: "Gerekçe:",
  // The editor
  slugFromHeadline: "Adres başlıktan yapılacak:",
  // Embed
  comments: "Yorumlar",
  noComments: "Henüz yorum yok. İlk yorumu siz yazın.",
  loadFailed: "Yorumlar yüklenemedi.",
  writeComment: "Yorum yazın",
  yourName: "Adınız",
  yourComment: "Yorumunuz",
  send: "Gönder",
  help: "Yorumlar yayımlanmadan önce yorum politikamıza göre denetlenir.",
  poweredBy: "Yorumlar Newsroom ile denetlenir",
  replies: "Yanıtlar",
  moreComments: "Daha eski yorumlar",
  moreReplies: (n: number) => `${n} yanıt daha gösterilmiyor.`,
};

type Strings = typeof tr;

const en: Strings = {
  checking: "Checking your comment…",
  checkFailed: "Your comment could not be checked just now; you can still send it.",
  clean: "Your comment looks fine under our comment policy.",
  willReview: "Sent as it is, your comment will wait for a moderator.",
  willReject: "Sent as it is, your comment will not be published.",
  problems: (n: number) => (n === 1 ? "1 problem found" : `${n} problems found`),
  fixAvailable: "A one-click fix is offered.",
  checkTitle: "Check before sending",
  fragments: "Where",
  position: (start: number, end: number) =>
    end - start <= 1 ? `character ${start + 1}` : `characters ${start + 1}–${end}`,
  more: (n: number) => `and ${n} more`,
  suggestions: "Suggestions",
  replaceWith: (from: string, to: string) => `Replace “${from}” with “${to}”`,
  replaced: (from: string, to: string) => `Replaced “${from}” with “${to}”.`,
  applyFix: "Apply the fix",
  applyAll: "Apply all the fixes",
  fixPreview: "Corrected",
  fixApplied: "Fix applied. Your comment is being checked again.",
  sending: "Sending your comment…",
  published: "Your comment is published.",
  pending: "Your comment was received and is waiting for a moderator. It will appear here once approved.",
  rejected: "Your comment was not published: it breaks our comment policy.",
  rejectedFix: "You can apply the fix below and send it again.",
  tooMany: (s: number) => `You are commenting too often. Try again in ${s} seconds.`,
  sendFailed: "Your comment could not be sent. Check your connection and try again.",
  sendError: (m: string) => `Your comment could not be sent: ${m}`,
  replyingTo: "Replying to",
  cancel: "Cancel",
  reply: "Reply",
  report: "Report",
  reported: "Reported",
  reportThanks: "Thank you: your report was received.",
  reportFailed: "Your report could not be sent.",
  enlarge: "Enlarge",
  close: "Close",
  zoomIn: "Zoom in",
  zoomOut: "Zoom out",
  previous: "Previous photo",
  next: "Next photo",
  photoDialog: "Photo",
  lightboxHelp: "Esc closes; + and − zoom; arrow keys pan. On a touch screen, pinch to zoom.",
  copyLink: "Copy link",
  copied: "Link copied to the clipboard.",
  copyFailed: "The link could not be copied; copy it from the address bar.",
  approved: (id: string) => `#${id} approved.`,
  rejectedBy: (id: string) => `#${id} rejected.`,
  decideFailed: (m: string) => `The decision was not saved: ${m}`,
  conflict: "Another moderator decided this comment before you; reload the page.",
  emptyQueue: "There are no comments in this queue.",
  shortcuts:
    "Shortcuts while in the queue: j / k next / previous comment, x select, a approve, r reject (the selected ones, or the one you are on), t thread, u undo.",
  selected: (id: string) => `Selected comment: #${id}`,
  selectAll: "Select all",
  decidedMany: (n: number, what: string) => `${n} ${n === 1 ? "comment" : "comments"} ${what}.`,
  approvedWord: "approved",
  rejectedWord: "rejected",
  refusedMany: (ids: string) => `Not saved, because another moderator decided first: ${ids}.`,
  nowStatus: (status: string) => `Another moderator decided this one; it is ${status} now.`,
  undo: "Undo",
  undone: (n: number) => `${n} ${n === 1 ? "decision" : "decisions"} undone.`,
  undoFailed: "Could not undo: one of the comments was decided again.",
  thread: "Thread",
  threadLoading: "Loading the thread…",
  threadFailed: "The thread could not be loaded.",
  statusName: {
    approved: "approved",
    pending: "pending",
    reported: "reported",
    rejected: "rejected",
  },
  noneSelected: "Select a comment first (x).",
  laterApproved: "Your comment that was waiting for a moderator is now published.",
  laterRejected: "Your comment that was waiting for a moderator was not published.",
  laterReason: "Reason:",
  slugFromHeadline: "The address will be made from the headline:",
  comments: "Comments",
  noComments: "No comments yet. Be the first to write one.",
  loadFailed: "The comments could not be loaded.",
  writeComment: "Write a comment",
  yourName: "Your name",
  yourComment: "Your comment",
  send: "Send",
  help: "Comments are checked against our comment policy before they are published.",
  poweredBy: "Comments moderated by Newsroom",
  replies: "Replies",
  moreComments: "Older comments",
  moreReplies: (n: number) => (n === 1 ? "1 more reply is not shown." : `${n} more replies are not shown.`),
};

export function strings(lang: Lang): Strings {
  return lang === "en" ? en : tr;
}
export type { Strings };

// The clause of the policy that rule `id` enforces, in `lang`.
export function ruleClause(id: string, lang: Lang): string {
  return ruleText(id)?.clause[lang] ?? id;
}

// The label of the button that applies rule `id`'s fix, in `lang`.
export function fixLabel(id: string, lang: Lang): string {
  return ruleText(id)?.fix?.[lang] ?? strings(lang).applyFix;
}
