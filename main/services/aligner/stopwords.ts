/** Function words that carry no topic; negators and degree words are kept apart as cues. */
export const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between ' +
    'both but by can could did do does doing down during each few for from further had has have having he her here ' +
    'hers herself him himself his how i if in into is it its itself just me more most my myself of off on once only ' +
    'or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom why will with would you your yours yourself yourselves may might must shall upon within without ' +
    'prime minister president government administration official state country nation ' +
    'whether yet however thus therefore also even still one two three first second third new say said says many much ' +
    'well way per via among amid toward towards across around since ever every either neither nor not no never'
  ).split(' '),
);
