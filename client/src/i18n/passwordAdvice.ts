/**
 * Why a new password is refused and what helps, by the reason keys of `checkPasswordStrength`
 * (zxcvbn's warnings and suggestions, plus `minLength` and `tooEasy`), in English and Chinese.
 */

/** English. */
export const passwordAdviceEn = {
  minLength: 'Use at least {{min}} characters.',
  tooEasy: 'Add more uncommon words.',
  warnings: {
    straightRow: 'Straight rows of keys on your keyboard are easy to guess.',
    keyPattern: 'Short keyboard patterns are easy to guess.',
    simpleRepeat: 'Repeated characters like "aaa" are easy to guess.',
    extendedRepeat: 'Repeated character patterns like "abcabcabc" are easy to guess.',
    sequences: 'Common character sequences like "abc" are easy to guess.',
    recentYears: 'Recent years are easy to guess.',
    dates: 'Dates are easy to guess.',
    topTen: 'This is a heavily used password.',
    topHundred: 'This is a frequently used password.',
    common: 'This is a commonly used password.',
    similarToCommon: 'This is similar to a commonly used password.',
    wordByItself: 'Single words are easy to guess.',
    namesByThemselves: 'Single names or surnames are easy to guess.',
    commonNames: 'Common names and surnames are easy to guess.',
    userInputs: 'Do not use your name or e-mail address in it.',
    pwned: 'This password was exposed in a data breach.',
  },
  suggestions: {
    l33t: "Avoid predictable letter substitutions like '@' for 'a'.",
    reverseWords: 'Avoid reversed spellings of common words.',
    allUppercase: 'Capitalise some, but not all letters.',
    capitalization: 'Capitalise more than the first letter.',
    dates: 'Avoid dates and years that are associated with you.',
    recentYears: 'Avoid recent years.',
    associatedYears: 'Avoid years that are associated with you.',
    sequences: 'Avoid common character sequences.',
    repeated: 'Avoid repeated words and characters.',
    longerKeyboardPattern: 'Use longer keyboard patterns and change typing direction several times.',
    anotherWord: 'Add more words that are less common.',
    useWords: 'Use several words, but avoid common phrases.',
    noNeed: 'Strong passwords need no symbols, digits or capitals.',
    pwned: 'If you use this password elsewhere, change it.',
  },
};

/** Chinese (Simplified). */
export const passwordAdviceZh: typeof passwordAdviceEn = {
  minLength: '至少使用 {{min}} 个字符。',
  tooEasy: '请加入更多不常见的词。',
  warnings: {
    straightRow: '键盘上连续一排的按键很容易被猜中。',
    keyPattern: '简短的键盘组合很容易被猜中。',
    simpleRepeat: '像“aaa”这样的重复字符很容易被猜中。',
    extendedRepeat: '像“abcabcabc”这样的重复组合很容易被猜中。',
    sequences: '像“abc”这样的常见字符序列很容易被猜中。',
    recentYears: '近年的年份很容易被猜中。',
    dates: '日期很容易被猜中。',
    topTen: '这是使用极多的密码。',
    topHundred: '这是经常被使用的密码。',
    common: '这是常用密码。',
    similarToCommon: '这与常用密码相似。',
    wordByItself: '单个单词很容易被猜中。',
    namesByThemselves: '单独的名字或姓氏很容易被猜中。',
    commonNames: '常见的名字和姓氏很容易被猜中。',
    userInputs: '请勿在密码中使用您的姓名或电子邮箱。',
    pwned: '该密码已在数据泄露中公开。',
  },
  suggestions: {
    l33t: '避免可预测的字母替换，例如用“@”代替“a”。',
    reverseWords: '避免把常见单词倒过来拼写。',
    allUppercase: '部分字母大写，而不是全部大写。',
    capitalization: '不要只把首字母大写。',
    dates: '避免使用与您有关的日期和年份。',
    recentYears: '避免使用近年的年份。',
    associatedYears: '避免使用与您有关的年份。',
    sequences: '避免常见的字符序列。',
    repeated: '避免重复的单词和字符。',
    longerKeyboardPattern: '使用更长的键盘组合，并多次改变输入方向。',
    anotherWord: '加入更多不常见的词。',
    useWords: '使用多个词，但避免常见短语。',
    noNeed: '强密码不一定需要符号、数字或大写字母。',
    pwned: '如果您在其他地方也使用此密码，请更换。',
  },
};
