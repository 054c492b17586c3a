// The shared data folder as the training and evaluation commands read it:
// corpus::SharedDataOptions with hunspell-tr as the further test of words
// typed without their Turkish letters (corpus/shared_data.h).
//
//   auto turkish = morphology::Dictionary::Load(…);
//   corpus::SharedDataOptions options = SharedData("/work/shared/data",
//                                                  turkish->get());
//   auto held_out = corpus::ReadSentences(options, corpus::Part::kHeldout);
#ifndef NEWSROOM_APP_SHARED_DATA_H_
#define NEWSROOM_APP_SHARED_DATA_H_

#include <string>

#include "corpus/shared_data.h"
#include "morphology/dictionary.h"

namespace newsroom::app {

// Options reading `data_dir`. When `turkish` is not null (it must then
// outlive every use of the options), a word typed in ASCII lacks its
// Turkish letters when hunspell-tr rejects it and accepts one of its
// spellings with Turkish letters ("vatanlarina" → "vatanlarına"); words
// with more than ten of c g i o s u are not tried. Answers are cached; the
// options are for one thread.
corpus::SharedDataOptions SharedData(const std::string& data_dir,
                                     const morphology::Dictionary* turkish);

}  // namespace newsroom::app

#endif  // NEWSROOM_APP_SHARED_DATA_H_
