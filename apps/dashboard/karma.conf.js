// Karma for the dashboard specs, run by `nx test dashboard` through @angular/build:karma.
// The specs run in Debian's Chromium, headless and often as root, hence the launcher flags below
// (see TOOLCHAIN.md: the launcher must be called ChromeHeadlessCI, not Chromium*, or the builder
// looks for a launcher package that does not exist).
const path = require('node:path');

process.env.CHROME_BIN ??= '/usr/bin/chromium';

module.exports = function (config) {
  config.set({
    basePath: '',
    frameworks: ['jasmine'],
    plugins: [
      require('karma-jasmine'),
      require('karma-chrome-launcher'),
      require('karma-jasmine-html-reporter'),
      require('karma-coverage'),
    ],
    client: {
      jasmine: { random: true },
    },
    jasmineHtmlReporter: { suppressAll: true },
    coverageReporter: {
      dir: path.join(__dirname, '../../coverage/apps/dashboard'),
      subdir: '.',
      reporters: [{ type: 'html' }, { type: 'text-summary' }],
    },
    reporters: ['progress'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: {
        base: 'ChromeHeadless',
        flags: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
    singleRun: true,
    autoWatch: false,
    restartOnFileChange: false,
  });
};
