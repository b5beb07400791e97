import { createApp } from 'vue';
import 'was-this-helpful-widget';
import App from './App.vue';

createApp(App).mount('#app');
