import { splitSentences } from '../../../src/segmentation/sentence-splitter';
import { expectSplit, type SplitCase as Case } from '../../support/split-assertions';


describe('splitSentences: sentence-final punctuation', () => {
  it.each<Case>([
    ['The Senate passed the bill on Tuesday. The House is expected to vote next week.', ['The Senate passed the bill on Tuesday.', 'The House is expected to vote next week.']],
    ['Will the Fed cut rates? Economists are divided.', ['Will the Fed cut rates?', 'Economists are divided.']],
    ['The verdict stunned the courtroom! Jurors deliberated for six days.', ['The verdict stunned the courtroom!', 'Jurors deliberated for six days.']],
    ['Can he win?! Polls say yes.', ['Can he win?!', 'Polls say yes.']],
    ['Unbelievable!! The stock tripled in a day.', ['Unbelievable!!', 'The stock tripled in a day.']],
    ['Who knew?? Nobody did.', ['Who knew??', 'Nobody did.']],
    ['Is this the end? it is not, officials said.', ['Is this the end? it is not, officials said.']],
    ['The vote was 52-48. Democrats objected.', ['The vote was 52-48.', 'Democrats objected.']],
    ['Turnout hit a record. 68 percent of voters cast ballots.', ['Turnout hit a record.', '68 percent of voters cast ballots.']],
    ['Oil fell 3%. Gold rose.', ['Oil fell 3%.', 'Gold rose.']],
    ['Wait—what? No way.', ['Wait—what?', 'No way.']],
    ['Results were in. Shortly after that, he left.', ['Results were in.', 'Shortly after that, he left.']],
  ])('%j', expectSplit);
});

describe('splitSentences: titles before names never end a sentence', () => {
  it.each<Case>([
    ['Mr. Smith met Mrs. Jones and Ms. Lee at the White House on Monday.', ['Mr. Smith met Mrs. Jones and Ms. Lee at the White House on Monday.']],
    ['Dr. Anthony Fauci testified before the committee. Prof. Jane Roe disagreed.', ['Dr. Anthony Fauci testified before the committee.', 'Prof. Jane Roe disagreed.']],
    ['Sen. Mitch McConnell and Rep. Nancy Pelosi spoke. Gov. Gavin Newsom did not.', ['Sen. Mitch McConnell and Rep. Nancy Pelosi spoke.', 'Gov. Gavin Newsom did not.']],
    ['Gen. Mark Milley, Col. John Smith and Lt. Col. Alexander Vindman attended.', ['Gen. Mark Milley, Col. John Smith and Lt. Col. Alexander Vindman attended.']],
    ['Sgt. Maria Lopez and Capt. James Reed were honored. Adm. Linda Fagan presided.', ['Sgt. Maria Lopez and Capt. James Reed were honored.', 'Adm. Linda Fagan presided.']],
    ['Maj. Gen. Pat Ryder, a Pentagon spokesman, briefed reporters. Cmdr. Ann Lee declined to comment.', ['Maj. Gen. Pat Ryder, a Pentagon spokesman, briefed reporters.', 'Cmdr. Ann Lee declined to comment.']],
    ['Pres. Biden met Supt. Jane Doe at the school. The Rev. Al Sharpton and the Hon. Mary Smith joined them.', ['Pres. Biden met Supt. Jane Doe at the school.', 'The Rev. Al Sharpton and the Hon. Mary Smith joined them.']],
    ['Fire crews from Ft. Worth and Mt. Vernon responded. St. Louis sent help too.', ['Fire crews from Ft. Worth and Mt. Vernon responded.', 'St. Louis sent help too.']],
    ['Messrs. Smith and Jones declined to comment.', ['Messrs. Smith and Jones declined to comment.']],
    ['The Rev. Dr. Martin Luther King Jr. spoke in 1963. Prof. Dr. Hans Müller agreed.', ['The Rev. Dr. Martin Luther King Jr. spoke in 1963.', 'Prof. Dr. Hans Müller agreed.']],
    ['Mr.\u00a0Smith arrived.\u00a0He sat down.', ['Mr.\u00a0Smith arrived.', 'He sat down.']],
    // A title-like surname at the end of a sentence still ends it before an unmistakable opener.
    ['The lecture was given by the economist Amartya Sen. The hall was full.', ['The lecture was given by the economist Amartya Sen.', 'The hall was full.']],
  ])('%j', expectSplit);
});

describe('splitSentences: abbreviations that may or may not end a sentence', () => {
  it.each<Case>([
    ['Shares of Apple Inc. rose 2% on Monday. The company said revenue rose.', ['Shares of Apple Inc. rose 2% on Monday.', 'The company said revenue rose.']],
    ['Apple Inc. Chief Executive Tim Cook said demand was strong.', ['Apple Inc. Chief Executive Tim Cook said demand was strong.']],
    ['He bought shares of Apple Inc. The company said it would respond.', ['He bought shares of Apple Inc.', 'The company said it would respond.']],
    ['The deal values Acme Corp. at $4.2 billion. Analysts at Goldman Sachs Group Inc. said the price was fair.', ['The deal values Acme Corp. at $4.2 billion.', 'Analysts at Goldman Sachs Group Inc. said the price was fair.']],
    ['The lawsuit names Pitt, Briggs & Co. and two executives.', ['The lawsuit names Pitt, Briggs & Co. and two executives.']],
    ['Samsung Electronics Co. Ltd. reported a loss. Its shares fell.', ['Samsung Electronics Co. Ltd. reported a loss.', 'Its shares fell.']],
    ['Toyota Motor Corp. President Koji Sato spoke in Tokyo.', ['Toyota Motor Corp. President Koji Sato spoke in Tokyo.']],
    ['The studio, Warner Bros. Discovery, cut jobs. It was founded by the Warner Bros. The studio grew.', ['The studio, Warner Bros. Discovery, cut jobs.', 'It was founded by the Warner Bros.', 'The studio grew.']],
    ['They work at the Justice Dept. The report was released Friday.', ['They work at the Justice Dept.', 'The report was released Friday.']],
    ['The report, released by the Dept. of Justice, found errors.', ['The report, released by the Dept. of Justice, found errors.']],
    ['He said the fruit was cheap, etc. Then he left.', ['He said the fruit was cheap, etc.', 'Then he left.']],
    ['Apples, pears, etc. are on sale this week.', ['Apples, pears, etc. are on sale this week.']],
    ['Bring snacks, drinks, etc. Everything else will be provided.', ['Bring snacks, drinks, etc.', 'Everything else will be provided.']],
    ['The drugs (e.g. insulin) are expensive. Prices, i.e. list prices, rose.', ['The drugs (e.g. insulin) are expensive.', 'Prices, i.e. list prices, rose.']],
    ['The case, Roe v. Wade, was overturned. The Chiefs vs. Eagles game was close.', ['The case, Roe v. Wade, was overturned.', 'The Chiefs vs. Eagles game was close.']],
    ['Bruce Springsteen, a.k.a. The Boss, played for three hours.', ['Bruce Springsteen, a.k.a. The Boss, played for three hours.']],
    ['The trip takes approx. two hours. It costs approx. $40.', ['The trip takes approx. two hours.', 'It costs approx. $40.']],
    ['The tavern, est. 1850, closed. Its owners retired.', ['The tavern, est. 1850, closed.', 'Its owners retired.']],
    ['Martin Luther King Jr. Day is a federal holiday.', ['Martin Luther King Jr. Day is a federal holiday.']],
    ['The speech was given by Martin Luther King Jr. The crowd cheered.', ['The speech was given by Martin Luther King Jr.', 'The crowd cheered.']],
    ['She earned a Ph.D. in physics. She has a Ph.D. The university confirmed it.', ['She earned a Ph.D. in physics.', 'She has a Ph.D.', 'The university confirmed it.']],
    ['Smith et al. found the effect. The study was large.', ['Smith et al. found the effect.', 'The study was large.']],
    ['He was sentenced to 10 yrs. in prison. It cost 5 lbs. The rest was free.', ['He was sentenced to 10 yrs. in prison.', 'It cost 5 lbs.', 'The rest was free.']],
    ['It lasted approx. two hours.', ['It lasted approx. two hours.']],
  ])('%j', expectSplit);
});

describe('splitSentences: places, states and streets', () => {
  it.each<Case>([
    ['He moved to Washington, D.C. The next day he started work.', ['He moved to Washington, D.C.', 'The next day he started work.']],
    ['The D.C. Council voted Monday. D.C. Mayor Muriel Bowser signed the bill.', ['The D.C. Council voted Monday.', 'D.C. Mayor Muriel Bowser signed the bill.']],
    ['The company is based in Palo Alto, Calif. Its founder lives nearby.', ['The company is based in Palo Alto, Calif.', 'Its founder lives nearby.']],
    ['SAN JOSE, Calif. (AP) — A fire destroyed a warehouse early Sunday.', ['SAN JOSE, Calif. (AP) — A fire destroyed a warehouse early Sunday.']],
    ['A plant in Dearborn, Mich. closed last year.', ['A plant in Dearborn, Mich. closed last year.']],
    ['The rally in Phoenix, Ariz. drew thousands. Organizers were pleased.', ['The rally in Phoenix, Ariz. drew thousands.', 'Organizers were pleased.']],
    ['Officials in Hartford, Conn. and Boston, Mass. issued warnings.', ['Officials in Hartford, Conn. and Boston, Mass. issued warnings.']],
    ['Calif. Gov. Gavin Newsom signed the bill.', ['Calif. Gov. Gavin Newsom signed the bill.']],
    ['The storm hit Tampa, Fla. Residents were told to evacuate.', ['The storm hit Tampa, Fla.', 'Residents were told to evacuate.']],
    ['He lives at 1600 Pennsylvania Ave. NW in Washington. She lives on Main St. The house is red.', ['He lives at 1600 Pennsylvania Ave. NW in Washington.', 'She lives on Main St.', 'The house is red.']],
    ['The crash happened near Ft. Lee, N.J. Police closed the road.', ['The crash happened near Ft. Lee, N.J.', 'Police closed the road.']],
    ["She went to St. Louis. He went to St. Paul's Cathedral.", ['She went to St. Louis.', "He went to St. Paul's Cathedral."]],
    ['SPOKANE, Wash. (Reuters) - Wildfires spread overnight.', ['SPOKANE, Wash. (Reuters) - Wildfires spread overnight.']],
    ['Her office is at 100 Main St. in Springfield.', ['Her office is at 100 Main St. in Springfield.']],
  ])('%j', expectSplit);
});

describe('splitSentences: initialisms and initials', () => {
  it.each<Case>([
    ['The U.S. Army responded. He served in the U.K. The war ended soon after.', ['The U.S. Army responded.', 'He served in the U.K.', 'The war ended soon after.']],
    ['U.S. stocks fell. U.K. inflation rose. E.U. leaders met in Brussels.', ['U.S. stocks fell.', 'U.K. inflation rose.', 'E.U. leaders met in Brussels.']],
    ['The U.S. military said the strike killed two militants.', ['The U.S. military said the strike killed two militants.']],
    ['The U.N. Security Council met Friday. U.N. Secretary-General António Guterres spoke.', ['The U.N. Security Council met Friday.', 'U.N. Secretary-General António Guterres spoke.']],
    ['The U.S. 10-year Treasury yield rose to 4.2%.', ['The U.S. 10-year Treasury yield rose to 4.2%.']],
    ['U.S. Sen. Ted Cruz spoke. In the U.S. Mr. Biden is popular.', ['U.S. Sen. Ted Cruz spoke.', 'In the U.S. Mr. Biden is popular.']],
    ['He returned to the U.S. Mr. Biden welcomed him.', ['He returned to the U.S.', 'Mr. Biden welcomed him.']],
    ["The U.S.-China talks stalled. The U.S.' response was muted.", ['The U.S.-China talks stalled.', "The U.S.' response was muted."]],
    ['The K.C. Chiefs won. He lives in K.C. The team celebrated.', ['The K.C. Chiefs won.', 'He lives in K.C.', 'The team celebrated.']],
    ['The U.S.S.R. collapsed in 1991. Russia emerged.', ['The U.S.S.R. collapsed in 1991.', 'Russia emerged.']],
    ['The F.B.I. investigated. It found nothing.', ['The F.B.I. investigated.', 'It found nothing.']],
    ['J. R. Smith scored 20 points.', ['J. R. Smith scored 20 points.']],
    ['John F. Kennedy was assassinated in 1963. Lyndon B. Johnson took the oath.', ['John F. Kennedy was assassinated in 1963.', 'Lyndon B. Johnson took the oath.']],
    ['The novel by J.K. Rowling sold well. E.J. Dionne reviewed it.', ['The novel by J.K. Rowling sold well.', 'E.J. Dionne reviewed it.']],
    ['Her backup plan was Plan B. It worked.', ['Her backup plan was Plan B.', 'It worked.']],
    ['The memo was signed by George W. Bush.', ['The memo was signed by George W. Bush.']],
    ['ST. LOUIS (AP) — A judge ruled Monday. The state will appeal.', ['ST. LOUIS (AP) — A judge ruled Monday.', 'The state will appeal.']],
  ])('%j', expectSplit);
});

describe('splitSentences: numbers, money and percentages', () => {
  it.each<Case>([
    ['The rate rose to 3.5 percent. Version 1.2.3 was released.', ['The rate rose to 3.5 percent.', 'Version 1.2.3 was released.']],
    ['The server at 192.168.1.1 failed. Engineers restored it.', ['The server at 192.168.1.1 failed.', 'Engineers restored it.']],
    ['The company raised $1.5 billion. Revenue rose 2.5% to £2.3m.', ['The company raised $1.5 billion.', 'Revenue rose 2.5% to £2.3m.']],
    ['He is ranked No. 2 in the world. The answer was No. The team lost.', ['He is ranked No. 2 in the world.', 'The answer was No.', 'The team lost.']],
    ['Nos. 3 and 4 were recalled.', ['Nos. 3 and 4 were recalled.']],
    ['See p. 12 and pp. 40-45 of the report.', ['See p. 12 and pp. 40-45 of the report.']],
    ['He cited Fig. 3, Vol. 2 and Art. 5 of the treaty.', ['He cited Fig. 3, Vol. 2 and Art. 5 of the treaty.']],
    ['He was born in 1990. 2020 was a hard year.', ['He was born in 1990.', '2020 was a hard year.']],
    ['The bill, H.R. 1, passed 220-210. S. 2 failed.', ['The bill, H.R. 1, passed 220-210.', 'S. 2 failed.']],
    ['Temperatures fell to -5.5 degrees. Schools closed.', ['Temperatures fell to -5.5 degrees.', 'Schools closed.']],
    ['The quake struck at 3.40 a.m. No injuries were reported.', ['The quake struck at 3.40 a.m.', 'No injuries were reported.']],
    ['Inflation was 2.5 pct. in May. It was 3.1 pct. The Fed acted.', ['Inflation was 2.5 pct. in May.', 'It was 3.1 pct.', 'The Fed acted.']],
    ['Revenue hit $5.6 bn. in Q3. Profit rose.', ['Revenue hit $5.6 bn. in Q3.', 'Profit rose.']],
  ])('%j', expectSplit);
});

describe('splitSentences: times and dates', () => {
  it.each<Case>([
    ['The meeting will start at 9 a.m. Tuesday in Room 4. It will end at 5 p.m. The mayor will attend.', ['The meeting will start at 9 a.m. Tuesday in Room 4.', 'It will end at 5 p.m.', 'The mayor will attend.']],
    ['Police arrived at 3 p.m. EST and left at 4 p.m. Eastern time. Nobody was hurt.', ['Police arrived at 3 p.m. EST and left at 4 p.m. Eastern time.', 'Nobody was hurt.']],
    ['By 9 p.m. Friday, results were in. Shortly after 9 a.m. Mr. Smith arrived.', ['By 9 p.m. Friday, results were in.', 'Shortly after 9 a.m. Mr. Smith arrived.']],
    ['The polls close at 8 p.m. Results are expected by midnight.', ['The polls close at 8 p.m.', 'Results are expected by midnight.']],
    ['The launch is set for 6:30 a.m. Saturday.', ['The launch is set for 6:30 a.m. Saturday.']],
    ['The ceremony began at 10 A.M. Guests arrived late.', ['The ceremony began at 10 A.M.', 'Guests arrived late.']],
    ['It happened at 10:30 a.m. on Jan. 6, 2021. The Capitol was breached.', ['It happened at 10:30 a.m. on Jan. 6, 2021.', 'The Capitol was breached.']],
    ['Prices fell 5% in Jan. The drop continued on Feb. 3. Officials met Sept. 11 to review.', ['Prices fell 5% in Jan.', 'The drop continued on Feb. 3.', 'Officials met Sept. 11 to review.']],
    ['The event runs Mon. through Fri. each week.', ['The event runs Mon. through Fri. each week.']],
    ['The hearing is Thurs., Oct. 12, at 2 p.m. in the main chamber.', ['The hearing is Thurs., Oct. 12, at 2 p.m. in the main chamber.']],
    ['The deadline is Dec. 31. After that, fines apply.', ['The deadline is Dec. 31.', 'After that, fines apply.']],
    ['Trading resumed at 11 a.m. Moscow time. The ruble recovered.', ['Trading resumed at 11 a.m. Moscow time.', 'The ruble recovered.']],
  ])('%j', expectSplit);
});

describe('splitSentences: quotations', () => {
  it.each<Case>([
    ['He said, "We will win." Then he left.', ['He said, "We will win."', 'Then he left.']],
    ['"Stop!" he shouted.', ['"Stop!" he shouted.']],
    ['“Is it over?” she asked.', ['“Is it over?” she asked.']],
    ['"We won. We will win again," he said.', ['"We won.', 'We will win again," he said.']],
    ['Critics accused him of giving Putin “a free pass” as Russia continued its attacks.', ['Critics accused him of giving Putin “a free pass” as Russia continued its attacks.']],
    ['He said “We will win.” Then he left.', ['He said “We will win.”', 'Then he left.']],
    ['He called it ‘a mistake.’ Then he resigned.', ['He called it ‘a mistake.’', 'Then he resigned.']],
    ['The crowd chanted, "Lock him up!" as he walked by.', ['The crowd chanted, "Lock him up!" as he walked by.']],
    ['"It\'s over," he said. "We lost."', ['"It\'s over," he said.', '"We lost."']],
    ['He asked, “What now?” Nobody answered.', ['He asked, “What now?”', 'Nobody answered.']],
    ['“We’re done.” “No, we’re not,” he replied.', ['“We’re done.”', '“No, we’re not,” he replied.']],
    ['"Why now?" Trump asked. "Who cares?" President Donald Trump said at the rally.', ['"Why now?" Trump asked.', '"Who cares?" President Donald Trump said at the rally.']],
    ['“Why?” The crowd roared.', ['“Why?”', 'The crowd roared.']],
    ['“We are not done…” she said.', ['“We are not done…” she said.']],
    ['He said: "Go." She went.', ['He said: "Go."', 'She went.']],
    ["She described it as a 'shadow war.' The term stuck.", ["She described it as a 'shadow war.'", 'The term stuck.']],
    ['He called the ruling "outrageous". Lawyers disagreed.', ['He called the ruling "outrageous".', 'Lawyers disagreed.']],
    ['"Why?" asked Sen. Lindsey Graham, R-S.C. "Because," replied Sen. Chris Murphy.', ['"Why?" asked Sen. Lindsey Graham, R-S.C.', '"Because," replied Sen. Chris Murphy.']],
    ['“Is it over?” asked one resident. “Not yet.”', ['“Is it over?” asked one resident.', '“Not yet.”']],
    ['He wrote “I’m done.” Then he left.', ['He wrote “I’m done.”', 'Then he left.']],
    ['"We\'ll see..." Trump said. "I won." Smith said.', ['"We\'ll see..." Trump said.', '"I won." Smith said.']],
    ['"We won." Smith said the team would celebrate.', ['"We won."', 'Smith said the team would celebrate.']],
  ])('%j', expectSplit);
});

describe('splitSentences: parentheses and brackets', () => {
  it.each<Case>([
    ['(This was new.) Then it changed.', ['(This was new.)', 'Then it changed.']],
    ['It was over (or so they thought.) Next came the storm.', ['It was over (or so they thought.)', 'Next came the storm.']],
    ['Smith (who joined in 2019) left. (Smith declined to comment.) The firm grew.', ['Smith (who joined in 2019) left.', '(Smith declined to comment.)', 'The firm grew.']],
    ['The firm [which was founded in 1990.] grew.', ['The firm [which was founded in 1990.] grew.']],
    ['The poll (margin of error +/- 3 pct.) showed a tie. Then it moved.', ['The poll (margin of error +/- 3 pct.) showed a tie.', 'Then it moved.']],
    ['Sen. Bernie Sanders (I-Vt.) voted no. Sen. Elizabeth Warren, D-Mass., agreed.', ['Sen. Bernie Sanders (I-Vt.) voted no.', 'Sen. Elizabeth Warren, D-Mass., agreed.']],
    ['The index rose (see chart.) Analysts were surprised.', ['The index rose (see chart.)', 'Analysts were surprised.']],
  ])('%j', expectSplit);
});

describe('splitSentences: ellipses', () => {
  it.each<Case>([
    ['He paused... and then continued.', ['He paused... and then continued.']],
    ['It was over... The crowd left.', ['It was over...', 'The crowd left.']],
    ['She waited… Then she spoke.', ['She waited…', 'Then she spoke.']],
    ['“We will… we must win,” he said.', ['“We will… we must win,” he said.']],
    // "I" is capitalised anywhere, so after a plain ellipsis it does not signal a new sentence (Golden Rule 50).
    ['The talks dragged on... I left early.', ['The talks dragged on... I left early.']],
    ['Revenue rose... 5 percent.', ['Revenue rose... 5 percent.']],
    ['The statement read: “We regret […] the error.” Officials apologized.', ['The statement read: “We regret […] the error.”', 'Officials apologized.']],
  ])('%j', expectSplit);
});

describe('splitSentences: URLs, e-mail addresses and file names', () => {
  it.each<Case>([
    ['Visit www.example.com for details. Read more at cnn.com. The report.pdf file was leaked.', ['Visit www.example.com for details.', 'Read more at cnn.com.', 'The report.pdf file was leaked.']],
    ['Email john.doe@gmail.com for tips. See https://x.org/a.b?c=d. Next, we go.', ['Email john.doe@gmail.com for tips.', 'See https://x.org/a.b?c=d.', 'Next, we go.']],
    ['The data is at https://data.gov/dataset/v1.2/file.csv and is updated daily.', ['The data is at https://data.gov/dataset/v1.2/file.csv and is updated daily.']],
    ['Go to bbc.co.uk. The site has details.', ['Go to bbc.co.uk.', 'The site has details.']],
    ['Download setup.exe, then run it.', ['Download setup.exe, then run it.']],
    ['Contact press@whitehouse.gov. A spokesperson will reply.', ['Contact press@whitehouse.gov.', 'A spokesperson will reply.']],
    ['Node.js and Vue.js are popular. TypeScript is too.', ['Node.js and Vue.js are popular.', 'TypeScript is too.']],
    ['He visited https://example.com/page?id=5. Then he left.', ['He visited https://example.com/page?id=5.', 'Then he left.']],
  ])('%j', expectSplit);
});

describe('splitSentences: list items and bullets', () => {
  it.each<Case>([
    ['1. First item\n2. Second item', ['1. First item', '2. Second item']],
    ['a) option one\nb) option two', ['a) option one', 'b) option two']],
    ['(i) the first clause\n(ii) the second clause', ['(i) the first clause', '(ii) the second clause']],
    ['• Prices rose.\n• Wages fell.', ['• Prices rose.', '• Wages fell.']],
    ['- dash item\n* star item', ['- dash item', '* star item']],
    ['Key points:\n1. Inflation rose. Wages fell.\n2. Rates held.', ['Key points:', '1. Inflation rose.', 'Wages fell.', '2. Rates held.']],
    ['The plan has three parts: 1. tax cuts, 2. spending and 3. debt.', ['The plan has three parts: 1. tax cuts, 2. spending and 3. debt.']],
    ['10. Apple\n11. Microsoft', ['10. Apple', '11. Microsoft']],
    ['i. The first clause. ii. The second clause.', ['i. The first clause.', 'ii. The second clause.']],
    ['A. Smith met B. Jones.', ['A. Smith met B. Jones.']],
  ])('%j', expectSplit);
});

describe('splitSentences: line breaks and whitespace', () => {
  it.each<Case>([
    ['HEADLINE WITHOUT PUNCTUATION\nBy JOHN SMITH, Associated Press\nThe story begins here. It continues.', ['HEADLINE WITHOUT PUNCTUATION', 'By JOHN SMITH, Associated Press', 'The story begins here.', 'It continues.']],
    ['The mayor said\nthe budget was cut.', ['The mayor said', 'the budget was cut.']],
    ['Mr.\nSmith arrived.', ['Mr.', 'Smith arrived.']],
    ['First line.\r\nSecond line. Third.\r\n\r\nFourth', ['First line.', 'Second line.', 'Third.', 'Fourth']],
    ['Tab\tseparated. Next\u00a0one.\u00a0 Then\u2028Line two\u2029Para three', ['Tab\tseparated.', 'Next\u00a0one.', 'Then', 'Line two', 'Para three']],
    ['\uFEFFA byte-order mark. Works fine.', ['A byte-order mark.', 'Works fine.']],
    ['Old Mac line.\rNext line.', ['Old Mac line.', 'Next line.']],
    ['   Leading and trailing spaces.   ', ['Leading and trailing spaces.']],
  ])('%j', expectSplit);
});

describe('splitSentences: datelines and wire style', () => {
  it.each<Case>([
    ['WASHINGTON (AP) — The Senate voted 51-49 on Tuesday to confirm the nominee. Sen. Chuck Schumer, D-N.Y., called the vote "a disgrace." Republicans disagreed.', ['WASHINGTON (AP) — The Senate voted 51-49 on Tuesday to confirm the nominee.', 'Sen. Chuck Schumer, D-N.Y., called the vote "a disgrace."', 'Republicans disagreed.']],
    ['NEW YORK (Reuters) - U.S. stocks closed higher on Friday. The Dow rose 1.2%.', ['NEW YORK (Reuters) - U.S. stocks closed higher on Friday.', 'The Dow rose 1.2%.']],
    ["LONDON, Jan. 5 (Reuters) - Britain's economy shrank. The pound fell.", ["LONDON, Jan. 5 (Reuters) - Britain's economy shrank.", 'The pound fell.']],
    ['KYIV, Ukraine (AP) — Russia launched drones overnight, officials said. Three people were killed.', ['KYIV, Ukraine (AP) — Russia launched drones overnight, officials said.', 'Three people were killed.']],
    ['Copyright 2024 The Associated Press. All rights reserved.', ['Copyright 2024 The Associated Press.', 'All rights reserved.']],
    ['(Reporting by Jane Doe in Washington; editing by Mark Potter.)', ['(Reporting by Jane Doe in Washington; editing by Mark Potter.)']],
  ])('%j', expectSplit);
});

describe('splitSentences: non-ASCII text, emoji and brands', () => {
  it.each<Case>([
    ['😀 Emoji first. Then 👍🏽 more.', ['😀 Emoji first.', 'Then 👍🏽 more.']],
    ['We won! 🎉 Next game is Friday.', ['We won! 🎉', 'Next game is Friday.']],
    ['Müller said no. Émile agreed.', ['Müller said no.', 'Émile agreed.']],
    ['The ruble fell. Путин said nothing.', ['The ruble fell.', 'Путин said nothing.']],
    ['Apple reported results. iPhone sales rose 5%.', ['Apple reported results.', 'iPhone sales rose 5%.']],
    ['She works at eBay. eBay is based in San Jose.', ['She works at eBay.', 'eBay is based in San Jose.']],
    ['He works for Yahoo! News now.', ['He works for Yahoo! News now.']],
  ])('%j', expectSplit);
});

describe('splitSentences: missing space after a sentence (scraped copy)', () => {
  it.each<Case>([
    ['The suspect fled on foot.The police chased him.', ['The suspect fled on foot.', 'The police chased him.']],
    ['The results are in.Analysts expected more.', ['The results are in.', 'Analysts expected more.']],
    ['Is it over?Yes it is.', ['Is it over?', 'Yes it is.']],
    ['The results are in.Analysts.', ['The results are in.', 'Analysts.']],
    ['Mr.Smith left. ASP.NET and Node.js work. The U.S.Army won.', ['Mr.Smith left.', 'ASP.NET and Node.js work.', 'The U.S.Army won.']],
    ['Visit www.Example.com today. Email joe.Smith@x.com now.', ['Visit www.Example.com today.', 'Email joe.Smith@x.com now.']],
    // A glued quote may close this sentence or open the next one, so it is left alone.
    ['He said."The end is near," she replied.', ['He said."The end is near," she replied.']],
  ])('%j', expectSplit);
});

describe('splitSentences: spans', () => {
  it('returns [] for empty and whitespace-only input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \t\u00a0\n\r\n\u2028 ')).toEqual([]);
  });

  it('reports code-point offsets and 1-based paragraphs', () => {
    expect(splitSentences('🇺🇸 Vote. Now!\n\n  Count 🗳️ it.')).toEqual([
      { text: '🇺🇸 Vote.', start: 0, end: 8, paragraph: 1 },
      { text: 'Now!', start: 9, end: 13, paragraph: 1 },
      { text: 'Count 🗳️ it.', start: 17, end: 29, paragraph: 2 },
    ]);
  });

  it('counts only non-empty lines as paragraphs', () => {
    const spans = splitSentences('\n\nOne.\r\n \r\nTwo. Three.\u2029Four');
    expect(spans.map((s) => [s.text, s.paragraph])).toEqual([
      ['One.', 1],
      ['Two.', 2],
      ['Three.', 2],
      ['Four', 3],
    ]);
  });

  it('keeps offsets right after lone surrogates', () => {
    const input = 'Bad \ud800 data. Next \udc00 one.';
    const spans = splitSentences(input);
    expect(spans.map((s) => s.text)).toEqual(['Bad \ud800 data.', 'Next \udc00 one.']);
    expect(spans.map((s) => [s.start, s.end])).toEqual([
      [0, 11],
      [12, 23],
    ]);
  });
});
