/**
 * Closed word lists used to judge the word that follows an ambiguous period. All entries are
 * lowercase; apostrophes are normalised to ASCII `'` before lookup.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

/**
 * Function words that very often begin an English sentence and are rarely part of a proper name.
 * Deliberately excludes words that are also common given names ("Will", "May", "Mark", "Bill").
 */
export const SENTENCE_STARTERS = set(`
  the a an this that these those it its it's he he's his she she's her they they're they've
  their we we're we've our i i'm i've i'd i'll you you're your there there's here here's
  but and or so yet nor however meanwhile still also then now instead thus therefore moreover
  furthermore nevertheless nonetheless although though because since while when whenever where
  wherever if unless after before as once until even just only indeed perhaps maybe later
  earlier today yesterday tomorrow tonight finally afterward afterwards overall already again
  otherwise ultimately similarly likewise additionally besides consequently hence accordingly
  last next
  in on at for with from by to under over during despite among amid against without within
  through throughout across around about above below beyond into following according including
  like unlike upon
  what who whom whose which why how
  is are was were do does did don't doesn't didn't can can't could couldn't should would has
  have had must shall might isn't wasn't aren't weren't won't
  some many most much more all both each every either neither none no not any another other
  such several few one two three four five six seven eight nine ten eleven twelve twenty thirty
  forty fifty hundreds thousands dozens
  nobody everyone everybody someone somebody anyone anybody nothing everything something
  yes please let let's asked
`);

/**
 * The subset that can never be the first name after a title, so "Sen. The" or "Dr. He" must be
 * a boundary (the title was really a surname or "Drive").
 */
export const STRICT_STARTERS = set(`
  the he she it they we but this these those its their his our however meanwhile there then
`);

/** Words that continue a company or place name: "Apple Inc. Chief Executive Tim Cook". */
export const NAME_CONTINUATIONS = set(`
  chief ceo cfo coo cto president chairman chairwoman chair vice executive director founder
  co-founder cofounder spokesman spokeswoman spokesperson senior managing general deputy head
  board secretary attorney governor mayor lieutenant treasurer unit subsidiary
  sheriff sheriff's commissioner commissioners judge clerk coroner assessor
`);

/**
 * Plural and mass nouns that open news sentences as their subject ("Officials said", "Police
 * found", "Shares fell") but do not begin the proper names that follow "U.S.", "Jr." or "St.".
 * They only count when a lowercase word follows, so a headline such as "U.S. Stocks Rise" does not
 * split. Words that are also common surnames ("Banks", "Crews", "Sellers") are left out, because
 * titles are followed by surnames ("Sgt. Crews said").
 */
export const SUBJECT_NOUNS = set(`
  officials authorities police investigators prosecutors detectives officers deputies troopers
  agents firefighters paramedics rescuers residents neighbors neighbours witnesses survivors
  victims families relatives parents students teachers workers employees protesters demonstrators
  supporters critics opponents voters lawmakers legislators senators democrats republicans
  analysts economists investors traders shares stocks prices markets sales revenue profits
  earnings inflation unemployment experts scientists researchers doctors nurses patients
  visitors passengers travelers travellers customers consumers shoppers executives shareholders
  regulators diplomats negotiators observers organizers organisers fans participants inspectors
  jurors prisoners inmates migrants refugees soldiers civilians citizens people sources scholars
  historians activists hundreds thousands dozens millions
`);

/**
 * Words before a single capital letter that make the letter a designation rather than an initial,
 * so "Plan B." or "Vitamin C." ends like an ordinary word: "… switched to Plan B. Smith said …".
 */
export const LETTER_DESIGNATIONS = set(`
  plan vitamin vitamins grade hepatitis type class category group terminal gate concourse wing
  building pool exhibit appendix option phase tier model series level schedule division section
  part block lot row runway pier platform track lane zone sector stage step letter
`);

/** Words that continue an institution's name after a company-like suffix: "Johns Hopkins Univ. School of Medicine". */
export const INSTITUTION_PARTS = set(`
  school college hospital medical center centre institute press law library museum foundation
  international holdings group
`);

/** Compass suffixes of street addresses: "1600 Pennsylvania Ave. NW". */
export const COMPASS_POINTS = set(`n s e w ne nw se sw`);

/** Words after "a.m."/"p.m." that keep the time expression going: "9 a.m. Tuesday", "5 p.m. EST". */
export const TIME_CONTINUATIONS = set(`
  monday tuesday wednesday thursday friday saturday sunday
  january february march april may june july august september october november december
  jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
  et est edt ct cst cdt mt mst mdt pt pst pdt akst akdt hst gmt utc bst cet cest eet eest ist
  jst kst aest aedt hkt sgt msk wib
  eastern central mountain pacific atlantic alaska hawaii
`);

/** Prepositions that open an introductory phrase: "At 5 a.m. …", "In the U.S. …", "By Jan. …". */
export const INTRO_PHRASE_LEADS = set(`
  at by around about until till after before from since shortly just starting beginning on
  early late in inside outside across throughout within during for near under over among amid
`);

/** Verbs of an attribution after a quoted question or exclamation: `"Why?" Smith asked.` */
export const SPEECH_VERBS = set(`
  said says asked asks told tells added adds wrote writes shouted shouts yelled yells screamed
  replied replies answered answers tweeted posted exclaimed cried declared continued recalled
  insisted argued explained noted quipped joked warned wondered whispered responded countered
  demanded pleaded admitted acknowledged chanted sang muttered snapped
`);

/** Names spelled with an exclamation mark: "She works at Yahoo! News." */
export const EXCLAMATION_NAMES = set(`yahoo jeopardy joomla`);
