"use strict"; // placeholder: the phone page is written on its own branch
