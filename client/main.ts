// Starts the Svelte app, and the service worker that keeps it on the device (lib/pwa.svelte.ts).
import { mount } from 'svelte';
import App from './App.svelte';
import NetworkNote from './lib/NetworkNote.svelte';
import { appOnDevice } from './lib/pwa.svelte.js';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element.');
mount(App, { target });
mount(NetworkNote, { target: document.body });
appOnDevice.start();
